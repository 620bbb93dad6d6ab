package org.trustml.pruning.job;

import java.util.List;

/**
 * Embeddings and labels as the methods take them.
 *
 * @param points    n × dimension, row-major
 * @param dimension D
 * @param labels    per sample a class code 0 … classes − 1, in the order of {@code classes}
 * @param classes   the label values as the data holds them, ascending (numerically when every one is an integer)
 */
public record LabelledEmbeddings(double[] points, int dimension, int[] labels, List<String> classes) {

  /** Number of samples. */
  public int size() {
    return labels.length;
  }

  /** Samples per class code. */
  public int[] classSizes() {
    int[] sizes = new int[classes.size()];
    for (int l : labels) {
      sizes[l]++;
    }
    return sizes;
  }

  /** Class codes 0 … classes − 1. */
  public int[] classCodes() {
    int[] codes = new int[classes.size()];
    for (int c = 0; c < codes.length; c++) {
      codes[c] = c;
    }
    return codes;
  }

  /** The points as float rows, as the baseline methods take them. */
  public float[][] floatRows() {
    float[][] z = new float[size()][dimension];
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < dimension; k++) {
        z[i][k] = (float) points[i * dimension + k];
      }
    }
    return z;
  }

  /** The label value of sample i. */
  public String labelOf(int i) {
    return classes.get(labels[i]);
  }
}
