package org.trustml.ml;

import java.util.List;

/**
 * How one CSV column becomes feature values: fitted on training data, then applied unchanged to any split.
 * Implementations are immutable.
 */
public sealed interface FeatureEncoding permits NumericFeature, OneHotFeature, BooleanFeature {

  /** The CSV column it reads. */
  String column();

  /** How many feature values it writes per row. */
  int width();

  /** The names of those feature values, e.g. {@code age} or {@code workclass=Private}. */
  List<String> featureNames();

  /**
   * Writes the encoded value of one field.
   *
   * @param raw the field, already stripped; never a missing value (the loader fills or drops those first)
   * @param out the row's features; {@code width()} values from {@code offset} are written (modified)
   */
  void encode(String raw, float[] out, int offset);

  /** The value a missing field is replaced with under {@link MissingValuePolicy#IMPUTE}. */
  String fill();
}
