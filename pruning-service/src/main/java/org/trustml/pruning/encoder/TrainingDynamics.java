package org.trustml.pruning.encoder;

import java.util.List;

/**
 * Per-sample training dynamics of one encoder training run, or their mean over runs with different seeds.
 *
 * @param aum        area under the margin (Pleiss et al., arXiv 2001.10528): the mean over the sample's presentations
 *                   in training of the margin of the training forward pass; low = hard or mislabelled
 * @param el2n       EL2N (Paul et al., arXiv 2107.07075): ‖softmax − onehot‖₂ of a forward pass over the training set
 *                   after each epoch in {@code el2nEpochs}, averaged over those epochs (and over runs); high = hard
 * @param forgetting forgetting events (Toneva et al., arXiv 1812.05159): presentations misclassified right after a
 *                   correctly classified one; a sample never classified correctly gets its number of presentations,
 *                   more than any learnt sample can reach, as the paper ranks unlearnt samples as most forgotten
 * @param el2nEpochs the epochs EL2N was taken after (1-based)
 * @param runs       how many training runs were averaged
 */
public record TrainingDynamics(double[] aum, double[] el2n, double[] forgetting, int[] el2nEpochs, int runs) {

  /**
   * The per-sample mean over runs on the same samples (Paul et al. average EL2N over several seeds).
   *
   * @throws IllegalArgumentException for no runs or runs of different sizes
   */
  public static TrainingDynamics mean(List<TrainingDynamics> all) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no training runs to average");
    }
    int n = all.get(0).aum.length;
    double[] aum = new double[n];
    double[] el2n = new double[n];
    double[] forgetting = new double[n];
    int runs = 0;
    for (TrainingDynamics d : all) {
      if (d.aum.length != n) {
        throw new IllegalArgumentException("runs cover different samples: " + n + " vs " + d.aum.length);
      }
      for (int i = 0; i < n; i++) {
        aum[i] += d.aum[i] * d.runs;
        el2n[i] += d.el2n[i] * d.runs;
        forgetting[i] += d.forgetting[i] * d.runs;
      }
      runs += d.runs;
    }
    for (int i = 0; i < n; i++) {
      aum[i] /= runs;
      el2n[i] /= runs;
      forgetting[i] /= runs;
    }
    return new TrainingDynamics(aum, el2n, forgetting, all.get(0).el2nEpochs, runs);
  }

  /** Number of samples. */
  public int size() {
    return aum.length;
  }
}
