package org.trustml.fairness.reductions;

/**
 * A fitted binary classifier over rows of a row-major {@code float} feature array.
 *
 * <p>{@link #score} is the classifier's own real-valued output (a probability, a regression value); {@link #predict}
 * is its hard 0/1 decision, which the reductions use. Implementations must be deterministic.
 */
public interface Classifier {

  /** The score of the row that starts at {@code offset} in {@code rows}. */
  double score(float[] rows, int offset);

  /** The 0/1 decision for the row that starts at {@code offset} in {@code rows}. */
  int predict(float[] rows, int offset);

  /** Decisions for all {@code rows.length / width} rows. */
  default int[] predictAll(float[] rows, int width) {
    int n = width == 0 ? 0 : rows.length / width;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = predict(rows, i * width);
    }
    return out;
  }

  /** Scores for all {@code rows.length / width} rows. */
  default double[] scoreAll(float[] rows, int width) {
    int n = width == 0 ? 0 : rows.length / width;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = score(rows, i * width);
    }
    return out;
  }
}
