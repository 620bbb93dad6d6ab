package org.trustml.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.ColumnType;

/**
 * What fitting needs to know about one column, gathered value by value: mean and sum of squared deviations
 * (Welford's update, numerically stable in one pass) for numeric features, value counts for the rest.
 */
final class ColumnStats {

  private final String name;
  private final ColumnType type;
  private final boolean numeric;
  private final Map<String, Long> counts = new HashMap<>();
  private long present;
  private double mean;
  private double m2;

  /**
   * @param numeric whether to keep mean and variance (an INTEGER or NUMBER feature); counts are always kept
   */
  ColumnStats(String name, ColumnType type, boolean numeric) {
    this.name = name;
    this.type = type;
    this.numeric = numeric;
  }

  /** Takes one stripped, non-missing value. */
  void accept(String value) {
    present++;
    counts.merge(value, 1L, Long::sum);
    if (numeric) {
      double x = Double.parseDouble(value);
      double delta = x - mean;
      mean += delta / present;
      m2 += delta * (x - mean);
    }
  }

  String name() {
    return name;
  }

  long present() {
    return present;
  }

  double mean() {
    return mean;
  }

  /**
   * Population std over {@code rows} rows, where the rows without a value were filled with the mean (which adds
   * nothing to the squared deviations).
   */
  double std(long rows) {
    return rows == 0 ? 0 : Math.sqrt(m2 / rows);
  }

  /** The distinct values, sorted: numerically for INTEGER and NUMBER columns (so 9 precedes 10), else as text. */
  List<String> categories() {
    List<String> values = new ArrayList<>(counts.keySet());
    values.sort(order(type));
    return values;
  }

  /** The most common value; among equally common ones the first in {@link #categories()} order. */
  String mode() {
    String best = null;
    long bestCount = -1;
    for (String value : categories()) {
      long c = counts.get(value);
      if (c > bestCount) {
        best = value;
        bestCount = c;
      }
    }
    return best;
  }

  static Comparator<String> order(ColumnType type) {
    if (type == ColumnType.INTEGER || type == ColumnType.NUMBER) {
      return Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder());
    }
    return Comparator.naturalOrder();
  }
}
