package org.trustml.ml;

import java.util.List;

/**
 * An INTEGER or NUMBER column as one feature, {@code (x − center) / scale}: center 0 and scale 1 keep the raw value,
 * the column's mean and population std standardise it.
 *
 * @param column the CSV column
 * @param center subtracted first
 * @param scale divided by next; positive
 * @param mean the mean of the column's values when fitted, which a missing value is replaced with
 */
public record NumericFeature(String column, double center, double scale, double mean) implements FeatureEncoding {

  /** Checks the scale. */
  public NumericFeature {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale of '" + column + "' must be positive and finite, was " + scale);
    }
  }

  /** {@inheritDoc} */
  @Override
  public int width() {
    return 1;
  }

  /** {@inheritDoc} */
  @Override
  public List<String> featureNames() {
    return List.of(column);
  }

  /** {@inheritDoc} */
  @Override
  public void encode(String raw, float[] out, int offset) {
    out[offset] = (float) ((Double.parseDouble(raw) - center) / scale);
  }

  /** {@inheritDoc} */
  @Override
  public String fill() {
    return Double.toString(mean);
  }
}
