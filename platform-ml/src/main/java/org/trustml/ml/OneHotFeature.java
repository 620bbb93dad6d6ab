package org.trustml.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A STRING column as one 0/1 feature per category seen when fitting, in sorted order. A category not seen then
 * (e.g. in a test split) encodes as all zeros rather than failing: the model has learnt nothing about it either way.
 * Immutable; the positions are the column's {@link CategoryCodes}.
 */
public final class OneHotFeature implements FeatureEncoding {

  private final CategoryCodes codes;

  /**
   * @param column the CSV column
   * @param categories the distinct values, sorted; not empty
   * @param mode the most common value when fitted, which a missing value is replaced with
   */
  public OneHotFeature(String column, List<String> categories, String mode) {
    this.codes = new CategoryCodes(column, categories, mode);
    if (codes.categories().isEmpty()) {
      throw new IllegalArgumentException("column '" + column + "' has no category to encode");
    }
  }

  /** {@inheritDoc} */
  @Override
  public String column() {
    return codes.column();
  }

  /** The categories, one feature each, in feature order. */
  public List<String> categories() {
    return codes.categories();
  }

  /** {@inheritDoc} */
  @Override
  public int width() {
    return codes.categories().size();
  }

  /** {@inheritDoc} */
  @Override
  public List<String> featureNames() {
    List<String> names = new ArrayList<>(width());
    for (String c : codes.categories()) {
      names.add(codes.column() + "=" + c);
    }
    return names;
  }

  /** {@inheritDoc} */
  @Override
  public void encode(String raw, float[] out, int offset) {
    Arrays.fill(out, offset, offset + width(), 0f);
    int position = codes.code(raw);
    if (position != CategoryCodes.UNSEEN) {
      out[offset + position] = 1f;
    }
  }

  /** {@inheritDoc} */
  @Override
  public String fill() {
    return codes.mode();
  }

  /** {@inheritDoc} */
  @Override
  public boolean equals(Object o) {
    return o instanceof OneHotFeature other && codes.equals(other.codes);
  }

  /** {@inheritDoc} */
  @Override
  public int hashCode() {
    return codes.hashCode();
  }

  /** {@inheritDoc} */
  @Override
  public String toString() {
    return "OneHotFeature[column=" + codes.column() + ", categories=" + codes.categories() + ", mode="
        + codes.mode() + "]";
  }
}
