package org.trustml.ml;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A table loaded into NDArrays: float32 features (N x d), labels (N int32 class codes, or N float32 targets) and the
 * protected attributes kept apart. The arrays belong to the manager passed to {@link TabularTable#toDataset}.
 *
 * @param features N x d float32
 * @param labels N int32 codes into {@code classes}, or N float32 for a numeric label
 * @param featureNames the name of each of the d features
 * @param classes the class of each label code; empty for a numeric label
 * @param protectedAttributes the protected columns as codes
 */
public record TabularDataset(
    NDArray features,
    NDArray labels,
    List<String> featureNames,
    List<String> classes,
    List<ProtectedAttribute> protectedAttributes) {

  /** Copies the lists. */
  public TabularDataset {
    featureNames = List.copyOf(featureNames);
    classes = List.copyOf(classes);
    protectedAttributes = List.copyOf(protectedAttributes);
  }

  /** Features and labels, for training. */
  public LabeledData labeled() {
    return new LabeledData(features, labels);
  }

  /** The protected attribute of that column. */
  public ProtectedAttribute protectedAttribute(String column) {
    for (ProtectedAttribute p : protectedAttributes) {
      if (p.name().equals(column)) {
        return p;
      }
    }
    throw new IllegalArgumentException("'" + column + "' is not a protected attribute of this dataset");
  }
}
