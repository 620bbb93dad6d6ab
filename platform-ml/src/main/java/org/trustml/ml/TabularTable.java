package org.trustml.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * An encoded table in plain Java arrays, before it becomes NDArrays: convenient to check and to hand to code that
 * does not need the engine (group metrics, for example).
 *
 * @param encoding what encoded it; apply it to other splits
 * @param rows the number of rows kept
 * @param features rows x {@code encoding.width()} values, row-major (not copied: treat as read-only)
 * @param labelCodes one class code per row for a classification label, else null
 * @param labelValues one target per row for a numeric label, else null
 * @param protectedAttributes the protected columns as codes
 * @param droppedRows rows left out for missing values
 */
public record TabularTable(
    TabularEncoding encoding,
    int rows,
    float[] features,
    int[] labelCodes,
    float[] labelValues,
    List<ProtectedAttribute> protectedAttributes,
    long droppedRows) {

  /** Copies the list and checks the sizes. */
  public TabularTable {
    protectedAttributes = List.copyOf(protectedAttributes);
    if (features.length != (long) rows * encoding.width()) {
      throw new IllegalArgumentException("features must hold rows x width values");
    }
    if ((labelCodes == null) == (labelValues == null)) {
      throw new IllegalArgumentException("exactly one of labelCodes and labelValues is set");
    }
  }

  /** The number of feature values per row. */
  public int width() {
    return encoding.width();
  }

  /** The value of feature {@code column} in {@code row}. */
  public float feature(int row, int column) {
    return features[row * width() + column];
  }

  /**
   * Copies the table into NDArrays owned by {@code manager}.
   *
   * @param manager owns the arrays; closing it frees them
   */
  public TabularDataset toDataset(NDManager manager) {
    NDArray x = manager.create(features, new Shape(rows, width()));
    NDArray y = labelCodes != null ? manager.create(labelCodes) : manager.create(labelValues);
    return new TabularDataset(x, y, encoding.featureNames(), encoding.classes(), protectedAttributes);
  }
}
