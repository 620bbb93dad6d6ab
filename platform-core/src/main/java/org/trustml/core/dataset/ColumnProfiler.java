package org.trustml.core.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates what the inspector reports about one CSV column, value by value, in constant memory
 * (apart from the capped distinct set): missing count, which types every value still fits, numeric
 * range, distinct count and the first few distinct values.
 */
final class ColumnProfiler {

  static final int SAMPLE_VALUES = 5;
  /** Samples are for display; a long text value is cut. */
  private static final int SAMPLE_CHARS = 100;

  private final DistinctCounter distinct = new DistinctCounter(ColumnSchema.DISTINCT_CAP);
  private final List<String> samples = new ArrayList<>();
  private long missing;
  private long present;
  private boolean allLong = true;
  private boolean allDecimal = true;
  private boolean allBoolean = true;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Takes one raw field; surrounding spaces do not change its type (" 39" is an integer). */
  void accept(String raw) {
    if (MissingValues.isMissing(raw)) {
      missing++;
      return;
    }
    String v = raw.strip();
    present++;
    if (distinct.add(v) && samples.size() < SAMPLE_VALUES) {
      samples.add(v.length() > SAMPLE_CHARS ? v.substring(0, SAMPLE_CHARS) + "…" : v);
    }
    if (allLong && !NumberSyntax.isLong(v)) {
      allLong = false;
    }
    if (allDecimal) {
      if (NumberSyntax.isDecimal(v)) {
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d)) {
          allDecimal = false; // 1e999 is not a value a model can use
        } else {
          min = Math.min(min, d);
          max = Math.max(max, d);
        }
      } else {
        allDecimal = false;
      }
    }
    if (allBoolean && !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
      allBoolean = false;
    }
  }

  ColumnSchema toSchema(String name) {
    ColumnType type;
    if (present == 0) {
      type = ColumnType.STRING;
    } else if (allLong) {
      type = ColumnType.INTEGER;
    } else if (allDecimal) {
      type = ColumnType.NUMBER;
    } else if (allBoolean) {
      type = ColumnType.BOOLEAN;
    } else {
      type = ColumnType.STRING;
    }
    boolean numeric = type == ColumnType.INTEGER || type == ColumnType.NUMBER;
    return new ColumnSchema(
        name, type, missing, distinct.count(), samples, numeric ? min : null, numeric ? max : null);
  }
}
