package org.trustml.fairness.data;

import java.util.List;
import org.trustml.ml.MissingValuePolicy;

/**
 * What a fair learner reads from a table.
 *
 * @param label the binary target column
 * @param positive the label's positive value; null when the label is 0/1 or false/true
 * @param protectedAttributes the protected columns, kept out of the features
 * @param features the feature columns; empty for every other column
 * @param ignored columns that are neither
 * @param missing what to do with missing values
 */
public record FairSchema(String label, String positive, List<ProtectedSpec> protectedAttributes,
    List<String> features, List<String> ignored, MissingValuePolicy missing) {

  public FairSchema {
    protectedAttributes = List.copyOf(protectedAttributes);
    features = features == null ? List.of() : List.copyOf(features);
    ignored = ignored == null ? List.of() : List.copyOf(ignored);
    missing = missing == null ? MissingValuePolicy.DROP_ROWS : missing;
  }

  public List<String> protectedColumns() {
    return protectedAttributes.stream().map(ProtectedSpec::column).toList();
  }
}
