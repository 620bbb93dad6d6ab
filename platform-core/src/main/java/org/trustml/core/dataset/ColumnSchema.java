package org.trustml.core.dataset;

import java.util.List;

/**
 * What the inspector learned about one CSV column.
 *
 * @param name the column name (from the header row or given by the caller)
 * @param type the inferred type
 * @param missing how many values were missing (empty, {@code ?}, {@code NA}, {@code NaN}, {@code null})
 * @param distinct the exact number of distinct non-missing values up to {@link #DISTINCT_CAP}, or -1
 *     when there are more
 * @param sampleValues the first few distinct non-missing values, in order of appearance
 * @param min the smallest value for INTEGER and NUMBER columns with at least one value, else null
 * @param max the largest value for INTEGER and NUMBER columns with at least one value, else null
 */
public record ColumnSchema(
    String name, ColumnType type, long missing, long distinct, List<String> sampleValues, Double min, Double max) {

  /** Distinct values are counted exactly up to this many; beyond it {@code distinct} is -1. */
  public static final int DISTINCT_CAP = 1000;

  /** Copies the samples, so the record stays immutable. */
  public ColumnSchema {
    sampleValues = List.copyOf(sampleValues);
  }
}
