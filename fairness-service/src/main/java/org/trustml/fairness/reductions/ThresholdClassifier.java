package org.trustml.fairness.reductions;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The post-processed classifier a {@link ThresholdOptimizer} fits: a randomized threshold rule per sensitive group,
 * applied to another classifier's scores. Randomized decisions are drawn from a seeded generator; a deterministic
 * mode decides 1 iff P(ŷ = 1) ≥ 0.5 (which gives up the exact parity).
 */
public final class ThresholdClassifier {

  private final Map<Integer, GroupThresholds> groups;

  ThresholdClassifier(Map<Integer, GroupThresholds> groups) {
    this.groups = Map.copyOf(groups);
  }

  /** The fitted rule of every group, by sensitive code. */
  public Map<Integer, GroupThresholds> groups() {
    return new TreeMap<>(groups);
  }

  /** P(ŷ = 1) for a row with this score in this group; a group not seen in fitting is an error. */
  public double probability(double score, int group) {
    GroupThresholds g = groups.get(group);
    if (g == null) {
      throw new IllegalArgumentException("group " + group + " was not seen when fitting");
    }
    return g.probability(score);
  }

  /** P(ŷ = 1) per row. */
  public double[] probabilities(double[] scores, int[] sensitive) {
    double[] p = new double[scores.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = probability(scores[i], sensitive[i]);
    }
    return p;
  }

  /** Randomized decisions, reproducible for a given seed. */
  public int[] sample(double[] scores, int[] sensitive, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[scores.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextDouble() < probability(scores[i], sensitive[i]) ? 1 : 0;
    }
    return out;
  }

  /** The deterministic mode: 1 iff P(ŷ = 1) ≥ 0.5. */
  public int[] predictDeterministic(double[] scores, int[] sensitive) {
    int[] out = new int[scores.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = probability(scores[i], sensitive[i]) >= 0.5 ? 1 : 0;
    }
    return out;
  }
}
