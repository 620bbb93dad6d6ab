package org.trustml.bench.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.fairness.data.FairProblem;

/**
 * How large a test gap is for a classifier that is exactly fair in expectation: each test row is predicted
 * positive with the reference model's overall true-positive rate when its label is 1 and its false-positive rate
 * when 0, independently of every attribute. Such a classifier has equal TPR and FPR in every group, so what its
 * test gaps show is the sampling noise of groups measured on a few hundred rows, which every model's test gaps
 * carry on top of their true gaps.
 */
final class NoiseFloor {

  static final int DRAWS = 40;

  private NoiseFloor() {}

  /** {@link #DRAWS} seeded draws, each measured as any method's predictions are. */
  static List<Outcome> draws(String name, int[] referencePredictions, FairProblem test, long seed) {
    int[] labels = test.labels();
    double[] positives = new double[2];
    double[] rows = new double[2];
    for (int i = 0; i < labels.length; i++) {
      rows[labels[i]]++;
      positives[labels[i]] += referencePredictions[i];
    }
    double fpr = positives[0] / rows[0];
    double tpr = positives[1] / rows[1];
    SplittableRandom random = new SplittableRandom(seed);
    List<Outcome> out = new ArrayList<>();
    for (int d = 0; d < DRAWS; d++) {
      int[] predictions = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        predictions[i] = random.nextDouble() < (labels[i] == 1 ? tpr : fpr) ? 1 : 0;
      }
      out.add(new Outcome(name, Metrics.of(predictions, test), null, 0));
    }
    return out;
  }

  static double meanOf(List<Outcome> outcomes, String column) {
    return outcomes.stream().mapToDouble(o -> o.value(column)).average().orElse(Double.NaN);
  }
}
