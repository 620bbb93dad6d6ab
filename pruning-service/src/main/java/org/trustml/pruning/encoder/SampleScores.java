package org.trustml.pruning.encoder;

/** Per-sample quantities of one output row (logits) and its label. */
public final class SampleScores {

  private SampleScores() {}

  /**
   * The margin of Pleiss et al. (AUM, arXiv 2001.10528): the assigned class's logit minus the largest other logit.
   * Negative when the model prefers another class.
   */
  public static double margin(float[] logits, int offset, int classes, int label) {
    double other = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      if (k != label) {
        other = Math.max(other, logits[offset + k]);
      }
    }
    return logits[offset + label] - other;
  }

  /**
   * The error L2 norm of Paul et al. (EL2N, arXiv 2107.07075): ‖softmax(z) − onehot(y)‖₂, in [0, √2].
   */
  public static double el2n(float[] logits, int offset, int classes, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      max = Math.max(max, logits[offset + k]);
    }
    double sum = 0;
    double[] p = new double[classes];
    for (int k = 0; k < classes; k++) {
      p[k] = Math.exp(logits[offset + k] - max); // shifted: exp never overflows
      sum += p[k];
    }
    double squares = 0;
    for (int k = 0; k < classes; k++) {
      double e = p[k] / sum - (k == label ? 1 : 0);
      squares += e * e;
    }
    return Math.sqrt(squares);
  }

  /** Whether the largest logit (the first of equal ones) is the label's. */
  public static boolean correct(float[] logits, int offset, int classes, int label) {
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (logits[offset + k] > logits[offset + best]) {
        best = k;
      }
    }
    return best == label;
  }
}
