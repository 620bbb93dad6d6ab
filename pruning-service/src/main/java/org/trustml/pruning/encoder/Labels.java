package org.trustml.pruning.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Labels out of an NDArray, checked against the number of classes. */
final class Labels {

  private Labels() {}

  /**
   * @throws IllegalArgumentException when a label is outside [0, classes)
   */
  static int[] of(NDArray labels, int classes) {
    int[] codes;
    try (NDManager scratch = labels.getManager().newSubManager()) {
      NDArray ints = labels.toType(DataType.INT32, true);
      ints.attach(scratch); // a copy, freed here rather than with the data
      codes = ints.toIntArray();
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= classes) {
        throw new IllegalArgumentException("label " + codes[i] + " of sample " + i + " is outside [0, " + classes
            + ")");
      }
    }
    return codes;
  }
}
