package org.trustml.fairness.data;

import java.util.List;
import org.trustml.ml.MissingValuePolicy;

/**
 * What a fair learner reads from a table.
 *
 * @param label the binary target column
 * @param positive the label's positive value; null when the label is 0/1 or false/true
 * @param protectedAttributes the protected columns, kept out of the features unless {@code protectedAsFeatures}
 * @param features the feature columns; empty for every other column
 * @param ignored columns that are neither
 * @param missing what to do with missing values
 * @param protectedAsFeatures whether the protected columns are model inputs too (MFBPP, the 2022 original, kept them;
 *     mmm-fair 2.x removes them). A model can then treat groups differently to equalise their error rates, and
 *     prediction needs the protected values; null means false
 */
public record FairSchema(String label, String positive, List<ProtectedSpec> protectedAttributes,
    List<String> features, List<String> ignored, MissingValuePolicy missing, Boolean protectedAsFeatures) {

  /** A schema whose protected columns are kept out of the features. */
  public FairSchema(String label, String positive, List<ProtectedSpec> protectedAttributes, List<String> features,
      List<String> ignored, MissingValuePolicy missing) {
    this(label, positive, protectedAttributes, features, ignored, missing, false);
  }

  public FairSchema {
    protectedAsFeatures = Boolean.TRUE.equals(protectedAsFeatures);
    protectedAttributes = List.copyOf(protectedAttributes);
    features = features == null ? List.of() : List.copyOf(features);
    ignored = ignored == null ? List.of() : List.copyOf(ignored);
    missing = missing == null ? MissingValuePolicy.DROP_ROWS : missing;
  }

  public boolean usesProtectedAsFeatures() {
    return protectedAsFeatures;
  }

  public List<String> protectedColumns() {
    return protectedAttributes.stream().map(ProtectedSpec::column).toList();
  }
}
