package org.trustml.pruning.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Labels out of an NDArray, checked to be class codes. */
public final class Labels {

  private Labels() {}

  /**
   * @throws IllegalArgumentException when a label is outside [0, classes)
   */
  static int[] of(NDArray labels, int classes) {
    int[] codes = codes(labels);
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= classes) {
        throw new IllegalArgumentException("label " + codes[i] + " of sample " + i + " is outside [0, " + classes
            + ")");
      }
    }
    return codes;
  }

  /**
   * The labels as ints (the array is not modified; its int copy is freed here rather than with the data).
   *
   * @throws IllegalArgumentException when a label is negative
   */
  public static int[] codes(NDArray labels) {
    int[] codes;
    try (NDManager scratch = labels.getManager().newSubManager()) {
      NDArray ints = labels.toType(DataType.INT32, true);
      ints.attach(scratch);
      codes = ints.toIntArray();
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        throw new IllegalArgumentException("label " + codes[i] + " of sample " + i + " is negative");
      }
    }
    return codes;
  }
}
