package org.trustml.ml;

import java.util.List;

/**
 * A BOOLEAN column ({@code true}/{@code false} in any case) as one 0/1 feature.
 *
 * @param column the CSV column
 * @param mode the more common value when fitted, which a missing value is replaced with
 */
public record BooleanFeature(String column, boolean mode) implements FeatureEncoding {

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
    out[offset] = raw.equalsIgnoreCase("true") ? 1f : 0f;
  }

  /** {@inheritDoc} */
  @Override
  public String fill() {
    return Boolean.toString(mode);
  }
}
