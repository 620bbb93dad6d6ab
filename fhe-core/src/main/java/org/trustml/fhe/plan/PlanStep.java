package org.trustml.fhe.plan;

/**
 * One layer of an {@link EvaluationPlan} with its level and scale bookkeeping and its cost in ciphertext operations
 * for one batch.
 *
 * @param kind              dense or square
 * @param inputs            ciphertexts in
 * @param outputs           ciphertexts out
 * @param levelIn           level of the inputs
 * @param levelOut          level of the outputs
 * @param scaleIn           scale of the inputs
 * @param scaleOut          scale of the outputs (exact, as the evaluator tracks it)
 * @param factorScale       dense: the scale the weights are rounded at (q_level when the layer rescales, 2^k when it
 *                          is the last layer); square: 0
 * @param rescales          whether the step drops a level
 * @param scalarProducts    ciphertext-by-integer products (dense: nonzero rounded weights)
 * @param multiplications   ciphertext-by-ciphertext multiplications, each with a relinearisation
 * @param headroomBits      the smallest log2(Q_level / 2) - log2(scale * 2^valueBits) over the step: the bits to spare
 *                          before a value at the bound would wrap around
 */
public record PlanStep(Kind kind, int inputs, int outputs, int levelIn, int levelOut, double scaleIn, double scaleOut,
    double factorScale, boolean rescales, long scalarProducts, long multiplications, double headroomBits) {

  /** What a step computes. */
  public enum Kind {
    /** y = W x + b: sums of ciphertext-by-integer products, then (if not last) a rescale, then the bias. */
    DENSE,
    /** x^2: multiply, relinearise, rescale. */
    SQUARE
  }

  /** Rescale operations of the step. */
  public long rescaleCount() {
    return rescales ? outputs : 0;
  }

  /** Constant additions (dense: one bias per output). */
  public long constantAdditions() {
    return kind == Kind.DENSE ? outputs : 0;
  }

  /** All ciphertext operations of the step: products (each with its accumulating addition), multiplications,
   * relinearisations, rescales and constant additions. */
  public long operations() {
    return scalarProducts + 2 * multiplications + rescaleCount() + constantAdditions();
  }
}
