package org.trustml.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything fitted on a training table that turns CSV rows into model inputs: one {@link FeatureEncoding} per
 * feature column, the label's classes and the protected attributes' categories. Apply it unchanged to other splits
 * with {@link TabularLoader#encode}, so that test features line up with training features.
 *
 * @param features the feature columns' encodings, in feature order
 * @param label the label column
 * @param labelClasses the classes of a classification label; null for a numeric (regression) label
 * @param protectedAttributes the protected columns' codes
 * @param missing the policy used when fitting, applied again when encoding
 */
public record TabularEncoding(
    List<FeatureEncoding> features,
    String label,
    CategoryCodes labelClasses,
    List<CategoryCodes> protectedAttributes,
    MissingValuePolicy missing) {

  /** Copies the lists. */
  public TabularEncoding {
    features = List.copyOf(features);
    protectedAttributes = List.copyOf(protectedAttributes);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("no feature to encode");
    }
  }

  /** The number of feature values per row (one-hot columns count once per category). */
  public int width() {
    int width = 0;
    for (FeatureEncoding f : features) {
      width += f.width();
    }
    return width;
  }

  /** The name of each feature value, in order. */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>(width());
    for (FeatureEncoding f : features) {
      names.addAll(f.featureNames());
    }
    return names;
  }

  /** Whether the label is a class (coded as an int) rather than a number. */
  public boolean isClassification() {
    return labelClasses != null;
  }

  /** The classes in code order; empty for a numeric label. */
  public List<String> classes() {
    return labelClasses == null ? List.of() : labelClasses.categories();
  }
}
