package org.trustml.ml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column's values as integer codes: the position of the value in the sorted categories seen when fitting. Used for
 * class labels and protected attributes. Immutable.
 */
public final class CategoryCodes {

  /** The code of a value that was not seen when fitting. */
  public static final int UNSEEN = -1;

  private final String column;
  private final List<String> categories;
  private final String mode;
  private final Map<String, Integer> codes;

  /**
   * @param column the CSV column
   * @param categories the distinct values, sorted (numerically for INTEGER and NUMBER columns)
   * @param mode the most common value when fitted, which a missing value is replaced with under
   *     {@link MissingValuePolicy#IMPUTE}
   */
  public CategoryCodes(String column, List<String> categories, String mode) {
    this.column = Objects.requireNonNull(column, "column");
    this.categories = List.copyOf(categories);
    this.mode = mode;
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < this.categories.size(); i++) {
      map.put(this.categories.get(i), i);
    }
    this.codes = Map.copyOf(map);
  }

  /** The CSV column. */
  public String column() {
    return column;
  }

  /** The category of each code. */
  public List<String> categories() {
    return categories;
  }

  /** The most common value when fitted. */
  public String mode() {
    return mode;
  }

  /** The code of a (stripped) value, or {@link #UNSEEN}. */
  public int code(String value) {
    Integer code = codes.get(value);
    return code == null ? UNSEEN : code;
  }

  /** {@inheritDoc} */
  @Override
  public boolean equals(Object o) {
    return o instanceof CategoryCodes other
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
    return "CategoryCodes[column=" + column + ", categories=" + categories + "]";
  }
}
