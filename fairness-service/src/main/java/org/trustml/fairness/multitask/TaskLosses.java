package org.trustml.fairness.multitask;

import ai.djl.ndarray.NDArray;
import org.trustml.ml.Scalars;

/**
 * The two losses of a binary task on logits {@code z} ({@code n × 1}), written with differentiable NDArray
 * operations so DJL's autograd can take their gradients. Scalar operands come from {@link Scalars}: DJL's
 * {@code Number} overloads free theirs before the backward pass reads them.
 */
public final class TaskLosses {

  private TaskLosses() {}

  /**
   * Per-row log loss of the logits against 0/1 labels, {@code softplus(z) − y·z} in the overflow-free form
   * {@code max(z, 0) + log(1 + exp(−|z|)) − y·z}; shape {@code n}.
   */
  public static NDArray rowLogLoss(NDArray logits, int[] labels) {
    NDArray z = logits.reshape(-1);
    NDArray y = constant(logits, labels, -1);
    return z.maximum(Scalars.of(z, 0)).add(z.abs().neg().exp().add(1).log()).sub(z.mul(y));
  }

  /** The accuracy loss L_t: mean log loss. */
  public static NDArray accuracyLoss(NDArray logits, int[] labels) {
    return rowLogLoss(logits, labels).mean();
  }

  /**
   * The fairness loss F_t = Σ_{y∈{0,1}} max(mean log loss of rows with label y in group 0, the same in group 1):
   * the worse-off group's loss within each true class (design note §8). A class with no row in one of the groups
   * contributes its other group's mean; a class absent from both contributes nothing (the result is then a zero
   * that still depends on the logits, so autograd has a gradient for every parameter).
   *
   * @param labels 0/1 per row
   * @param groups 0/1 protected attribute per row
   */
  public static NDArray fairnessLoss(NDArray logits, int[] labels, int[] groups) {
    NDArray rows = rowLogLoss(logits, labels);
    NDArray total = rows.sum().mul(Scalars.of(rows, 0));
    for (int y = 0; y <= 1; y++) {
      NDArray worst = null;
      for (int s = 0; s <= 1; s++) {
        int[] mask = new int[labels.length];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
          if (labels[i] == y && groups[i] == s) {
            mask[i] = 1;
            count++;
          }
        }
        if (count == 0) {
          continue;
        }
        NDArray mean = rows.mul(constant(logits, mask, -1)).sum().div(Scalars.of(rows, count));
        worst = worst == null ? mean : worst.maximum(mean);
      }
      if (worst != null) {
        total = total.add(worst);
      }
    }
    return total;
  }

  /** Integer values as a constant array of the logits' type and device. */
  static NDArray constant(NDArray like, int[] values, long... shape) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = values[i];
    }
    return like.getManager().create(f).reshape(shape).toType(like.getDataType(), false);
  }
}
