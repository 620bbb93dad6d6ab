package org.trustml.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A STRING column as one 0/1 feature per category seen when fitting, in sorted order. A category not seen then
 * (e.g. in a test split) encodes as all zeros rather than failing: the model has learnt nothing about it either way.
 * Immutable; a class rather than a record only to keep the category → position map next to the list.
 */
public final class OneHotFeature implements FeatureEncoding {

  private final String column;
  private final List<String> categories;
  private final String mode;
  private final Map<String, Integer> positions;

  /**
   * @param column the CSV column
   * @param categories the distinct values, sorted; not empty
   * @param mode the most common value when fitted, which a missing value is replaced with
   */
  public OneHotFeature(String column, List<String> categories, String mode) {
    this.column = Objects.requireNonNull(column, "column");
    this.categories = List.copyOf(categories);
    this.mode = mode;
    if (this.categories.isEmpty()) {
      throw new IllegalArgumentException("column '" + column + "' has no category to encode");
    }
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < this.categories.size(); i++) {
      map.put(this.categories.get(i), i);
    }
    this.positions = Map.copyOf(map);
  }

  /** {@inheritDoc} */
  @Override
  public String column() {
    return column;
  }

  /** The categories, one feature each, in feature order. */
  public List<String> categories() {
    return categories;
  }

  /** {@inheritDoc} */
  @Override
  public int width() {
    return categories.size();
  }

  /** {@inheritDoc} */
  @Override
  public List<String> featureNames() {
    List<String> names = new ArrayList<>(categories.size());
    for (String c : categories) {
      names.add(column + "=" + c);
    }
    return names;
  }

  /** {@inheritDoc} */
  @Override
  public void encode(String raw, float[] out, int offset) {
    for (int i = 0; i < categories.size(); i++) {
      out[offset + i] = 0f;
    }
    Integer position = positions.get(raw);
    if (position != null) {
      out[offset + position] = 1f;
    }
  }

  /** {@inheritDoc} */
  @Override
  public String fill() {
    return mode;
  }

  /** {@inheritDoc} */
  @Override
  public boolean equals(Object o) {
    return o instanceof OneHotFeature other
        && column.equals(other.column)
        && categories.equals(other.categories)
        && Objects.equals(mode, other.mode);
  }

  /** {@inheritDoc} */
  @Override
  public int hashCode() {
    return Objects.hash(column, categories, mode);
  }

  /** {@inheritDoc} */
  @Override
  public String toString() {
    return "OneHotFeature[column=" + column + ", categories=" + categories + ", mode=" + mode + "]";
  }
}
