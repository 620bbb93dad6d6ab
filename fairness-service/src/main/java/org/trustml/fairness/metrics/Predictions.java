package org.trustml.fairness.metrics;

import java.util.Arrays;

/**
 * The labels, hard predictions and (optionally) scores of one binary classifier, validated once so that every
 * metric downstream can trust them. Each row is kept as an outcome code {@code 2·y + ŷ} (0 TN, 1 FP, 2 FN, 3 TP),
 * because every group metric is a function of the four confusion counts and counting codes is the hot loop of the
 * bootstrap.
 */
public final class Predictions {

  static final int TN = 0;
  static final int FP = 1;
  static final int FN = 2;
  static final int TP = 3;

  private final int[] yTrue;
  private final int[] yPred;
  private final double[] scores;
  private final int[] outcomes;

  private Predictions(int[] yTrue, int[] yPred, double[] scores) {
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.scores = scores;
    this.outcomes = new int[yTrue.length];
    for (int i = 0; i < yTrue.length; i++) {
      outcomes[i] = 2 * yTrue[i] + yPred[i];
    }
  }

  /** Labels and hard predictions, both 0/1, of equal length. */
  public static Predictions of(int[] yTrue, int[] yPred) {
    return of(yTrue, yPred, null);
  }

  /** Labels, hard predictions and scores ({@code null} when the classifier gives none). */
  public static Predictions of(int[] yTrue, int[] yPred, double[] scores) {
    return of("yTrue", yTrue, "yPred", yPred, "scores", scores);
  }

  /**
   * As {@link #of(int[], int[], double[])}, with the column names the caller knows them by, so that a problem
   * names the caller's column (for example the dataset's label column) rather than ours.
   */
  public static Predictions of(String yTrueColumn, int[] yTrue, String yPredColumn, int[] yPred,
      String scoresColumn, double[] scores) {
    if (yTrue == null || yTrue.length == 0) {
      throw InputProblems.emptyInput("yTrue", yTrueColumn);
    }
    if (yPred == null || yPred.length == 0) {
      throw InputProblems.emptyInput("yPred", yPredColumn);
    }
    if (yPred.length != yTrue.length) {
      throw InputProblems.lengthMismatch("yPred", yPredColumn, yPred.length, yTrue.length);
    }
    requireBinary("yTrue", yTrueColumn, yTrue);
    requireBinary("yPred", yPredColumn, yPred);
    if (scores != null) {
      if (scores.length != yTrue.length) {
        throw InputProblems.lengthMismatch("scores", scoresColumn, scores.length, yTrue.length);
      }
      for (int i = 0; i < scores.length; i++) {
        if (!Double.isFinite(scores[i])) {
          throw InputProblems.scoreNotFinite("scores", scoresColumn, i);
        }
      }
    }
    // defensive copies: the caller's arrays may be reused for the next request
    return new Predictions(yTrue.clone(), yPred.clone(), scores == null ? null : scores.clone());
  }

  static void requireBinary(String field, String column, int[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0 && values[i] != 1) {
        throw InputProblems.labelNotBinary(field, column, i, values[i]);
      }
    }
  }

  public int size() {
    return yTrue.length;
  }

  public boolean hasScores() {
    return scores != null;
  }

  public int yTrue(int row) {
    return yTrue[row];
  }

  public int yPred(int row) {
    return yPred[row];
  }

  public double score(int row) {
    return scores[row];
  }

  int[] yTrueArray() {
    return yTrue;
  }

  /** The outcome codes, shared (not copied): callers in this package only read them. */
  int[] outcomes() {
    return outcomes;
  }

  double[] scoresArray() {
    return scores;
  }

  @Override
  public String toString() {
    return "Predictions[n=" + yTrue.length + ", scores=" + (scores != null) + ", yTrue=" + Arrays.toString(
        Arrays.copyOf(yTrue, Math.min(10, yTrue.length))) + "…]";
  }
}
