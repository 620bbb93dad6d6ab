package org.trustml.fairness.reductions;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture of deterministic classifiers: each row's decision comes from predictor j with probability
 * {@code weights[j]}, so P(ŷ = 1 | x) = Σ_j weights[j]·h_j(x).
 *
 * <p>{@link #score} is that probability; {@link #predict} is the deterministic mode ({@code P ≥ 0.5}); the seeded
 * {@link #sample} methods draw the randomized decisions the fairness guarantees are about, reproducibly.
 */
public final class RandomizedClassifier implements Classifier {

  private final List<Classifier> predictors;
  private final double[] weights;

  /**
   * @param predictors the deterministic classifiers
   * @param weights one non-negative weight per predictor, summing to 1
   */
  public RandomizedClassifier(List<Classifier> predictors, double[] weights) {
    if (predictors.size() != weights.length || predictors.isEmpty()) {
      throw new IllegalArgumentException("one weight per predictor, at least one predictor");
    }
    this.predictors = List.copyOf(predictors);
    this.weights = weights.clone();
  }

  public List<Classifier> predictors() {
    return predictors;
  }

  public double[] weights() {
    return weights.clone();
  }

  /** P(ŷ = 1) for the row at {@code offset}. */
  public double predictProbability(float[] rows, int offset) {
    double p = 0;
    for (int j = 0; j < weights.length; j++) {
      if (weights[j] != 0) {
        p += weights[j] * predictors.get(j).predict(rows, offset);
      }
    }
    return p;
  }

  /** P(ŷ = 1) for every row. */
  public double[] predictProbabilities(float[] rows, int width) {
    return scoreAll(rows, width);
  }

  @Override
  public double score(float[] rows, int offset) {
    return predictProbability(rows, offset);
  }

  /** The deterministic mode: 1 iff P(ŷ = 1) ≥ 0.5. */
  @Override
  public int predict(float[] rows, int offset) {
    return predictProbability(rows, offset) >= 0.5 ? 1 : 0;
  }

  /** One randomized decision: 1 with probability P(ŷ = 1). */
  public int sample(float[] rows, int offset, SplittableRandom random) {
    return random.nextDouble() < predictProbability(rows, offset) ? 1 : 0;
  }

  /** Randomized decisions for every row, reproducible for a given seed. */
  public int[] sampleAll(float[] rows, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = rows.length / width;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = sample(rows, i * width, random);
    }
    return out;
  }
}
