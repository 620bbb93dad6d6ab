package org.trustml.pruning.baseline;

/**
 * D2 pruning's settings.
 *
 * @param k            neighbours per sample in the kNN graph (the README's CIFAR example: 5)
 * @param gammaForward γ of the forward kernel (the code: 1, i.e. exp(−d))
 * @param gammaReverse γ of the reverse kernel (the README's CIFAR example: 0.1)
 * @param kernel       how a distance becomes a weight
 * @param beta         hard cut-off fraction in [0, 1) removed before the graph is built (the README: 0.4 at 90 %)
 */
public record D2Params(int k, double gammaForward, double gammaReverse, Kernel kernel, double beta) {

  /** Distance to edge weight. */
  public enum Kernel {
    /** exp(−γ·d), the authors' code. */
    EXPONENTIAL,
    /** exp(−γ·d²), the paper's formula. */
    GAUSSIAN
  }

  /** Checks the values. */
  public D2Params {
    if (k < 1) {
      throw new IllegalArgumentException("d2.k must be ≥ 1, got " + k);
    }
    if (!(gammaForward >= 0) || !(gammaReverse >= 0) || Double.isInfinite(gammaForward)
        || Double.isInfinite(gammaReverse)) {
      throw new IllegalArgumentException("d2 gammas must be finite and ≥ 0, got " + gammaForward + ", "
          + gammaReverse);
    }
    if (kernel == null) {
      throw new IllegalArgumentException("d2.kernel must be given (exponential or gaussian)");
    }
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("d2.beta must be in [0, 1), got " + beta);
    }
  }

  /** The README's CIFAR-10 settings without the cut-off: k 5, exp(−d) forward, exp(−0.1·d) reverse, β 0. */
  public static D2Params defaults() {
    return new D2Params(5, 1.0, 0.1, Kernel.EXPONENTIAL, 0);
  }

  /** The same with another cut-off. */
  public D2Params withBeta(double b) {
    return new D2Params(k, gammaForward, gammaReverse, kernel, b);
  }

  double forwardWeight(double d) {
    return weight(gammaForward, d);
  }

  double reverseWeight(double d) {
    return weight(gammaReverse, d);
  }

  private double weight(double gamma, double d) {
    return Math.exp(-gamma * (kernel == Kernel.GAUSSIAN ? d * d : d));
  }
}
