package org.trustml.ml;

import ai.djl.ndarray.NDArray;

/**
 * Examples and their labels, row for row: what the loaders produce and {@link TrainingLoop} consumes. The arrays
 * belong to the manager that created them; closing that manager frees them.
 *
 * @param features N x ... float32
 * @param labels N int32 class codes, or N float32 targets
 */
public record LabeledData(NDArray features, NDArray labels) {

  /** Checks that both have the same number of rows. */
  public LabeledData {
    long n = features.getShape().get(0);
    if (labels.getShape().get(0) != n) {
      throw new IllegalArgumentException(
          "features have " + n + " rows but labels " + labels.getShape().get(0));
    }
  }

  /** The number of examples. */
  public int size() {
    return Math.toIntExact(features.getShape().get(0));
  }
}
