package org.trustml.fairness.boost;

import java.util.List;

/**
 * A boosted ensemble as it is stored, exported and served: every learner that training produced, of which the
 * first {@code theta} make the prediction (θ is chosen on the Pareto front and can be chosen again without
 * retraining).
 *
 * <ul>
 *   <li>{@link Kind#ADABOOST}: classification trees with weights α; score = Σ_{t<θ} α_t·(+1 if h_t(x) = 1 else −1);
 *       the class is 1 when the score is above 0.
 *   <li>{@link Kind#GBT}: regression trees on the log-odds; score = base + Σ_{t<θ} weight_t·value_t(x), the
 *       probability of class 1 is σ(score), the class is 1 when the score is above 0.
 * </ul>
 *
 * @param kind how the trees combine
 * @param featureNames the inputs, in the order of a row
 * @param trees every learner, in boosting order
 * @param weights α_t for AdaBoost, the learning rate (shrinkage) of each tree for GBT
 * @param base the GBT's initial log-odds; 0 for AdaBoost
 * @param theta the number of learners used to predict, 1 … trees.size()
 */
public record Ensemble(Kind kind, List<String> featureNames, List<Tree> trees, double[] weights, double base,
    int theta) {

  public enum Kind { ADABOOST, GBT }

  public Ensemble {
    featureNames = List.copyOf(featureNames);
    trees = List.copyOf(trees);
    if (trees.isEmpty() || weights.length != trees.size()) {
      throw new IllegalArgumentException("an ensemble needs at least one tree and one weight per tree");
    }
    if (theta < 1 || theta > trees.size()) {
      throw new IllegalArgumentException("theta must be in 1.." + trees.size() + ", was " + theta);
    }
  }

  /** The same learners predicting with the first {@code theta} of them. */
  public Ensemble withTheta(int theta) {
    return new Ensemble(kind, featureNames, trees, weights, base, theta);
  }

  /** The score of the row at {@code offset} in a row-major array with {@code featureNames.size()} columns. */
  public double score(float[] rows, int offset) {
    double s = base;
    for (int t = 0; t < theta; t++) {
      Tree tree = trees.get(t);
      s += kind == Kind.ADABOOST
          ? (tree.predictClass(rows, offset) == 1 ? weights[t] : -weights[t])
          : weights[t] * tree.value(rows, offset);
    }
    return s;
  }

  /** Scores of every row of a row-major array. */
  public double[] scores(float[] rows) {
    int d = featureNames.size();
    double[] out = new double[rows.length / d];
    for (int i = 0; i < out.length; i++) {
      out[i] = score(rows, i * d);
    }
    return out;
  }

  /** Classes of every row: 1 where the score is above 0. */
  public int[] predict(float[] rows) {
    double[] s = scores(rows);
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i] > 0 ? 1 : 0;
    }
    return out;
  }

  /** The probability of class 1: σ(score) for GBT; for AdaBoost the α-weighted share of votes for 1. */
  public double probability(double score) {
    if (kind == Kind.GBT) {
      return 1 / (1 + Math.exp(-score));
    }
    double total = 0;
    for (int t = 0; t < theta; t++) {
      total += weights[t];
    }
    return total > 0 ? 0.5 * (1 + score / total) : 0.5;
  }
}
