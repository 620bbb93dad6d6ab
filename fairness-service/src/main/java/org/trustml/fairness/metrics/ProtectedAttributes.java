package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protected attributes as named columns of category strings, each binary or multi-valued (race, sex, an age band).
 * Columns keep the caller's order (it is the order of the intersectional cell labels); the levels of a column are
 * its distinct values in natural string order, so that group order, and with it every tie-break, does not depend
 * on row order.
 */
public final class ProtectedAttributes {

  private final Map<String, int[]> codes;
  private final Map<String, List<String>> levels;
  private final int rows;

  private ProtectedAttributes(Map<String, int[]> codes, Map<String, List<String>> levels, int rows) {
    this.codes = codes;
    this.levels = levels;
    this.rows = rows;
  }

  /**
   * Validates and encodes the columns: at least one column, every column non-empty, of one length, without
   * missing values, and with at least two distinct values (one value means there is nothing to compare).
   */
  public static ProtectedAttributes of(Map<String, String[]> columns) {
    if (columns == null || columns.isEmpty()) {
      throw InputProblems.noProtectedAttribute();
    }
    Map<String, int[]> codes = new LinkedHashMap<>();
    Map<String, List<String>> levels = new LinkedHashMap<>();
    int rows = -1;
    for (Map.Entry<String, String[]> e : columns.entrySet()) {
      String name = e.getKey();
      String[] values = e.getValue();
      if (name == null || name.isBlank()) {
        throw InputProblems.invalidOption("protected", "column names must not be blank");
      }
      if (values == null || values.length == 0) {
        throw InputProblems.emptyInput("protected", name);
      }
      if (rows < 0) {
        rows = values.length;
      } else if (values.length != rows) {
        throw InputProblems.lengthMismatch("protected", name, values.length, rows);
      }
      TreeMap<String, Integer> index = new TreeMap<>();
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          throw InputProblems.missingValue(name, i);
        }
        index.putIfAbsent(values[i], 0);
      }
      if (index.size() < 2) {
        throw InputProblems.singleValued(name, index.firstKey());
      }
      List<String> sorted = new ArrayList<>(index.keySet());
      for (int k = 0; k < sorted.size(); k++) {
        index.put(sorted.get(k), k);
      }
      int[] c = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        c[i] = index.get(values[i]);
      }
      codes.put(name, c);
      levels.put(name, Collections.unmodifiableList(sorted));
    }
    return new ProtectedAttributes(codes, levels, rows);
  }

  /** A single column, the common case. */
  public static ProtectedAttributes of(String name, String[] values) {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put(name, values);
    return of(m);
  }

  /** The number of rows. */
  public int size() {
    return rows;
  }

  /** The column names in the caller's order. */
  public List<String> names() {
    return List.copyOf(codes.keySet());
  }

  public boolean contains(String column) {
    return codes.containsKey(column);
  }

  /** The distinct values of a column, sorted. */
  public List<String> levels(String column) {
    require("protected", column);
    return levels.get(column);
  }

  /** The value of a column at a row. */
  public String value(String column, int row) {
    return levels(column).get(codes.get(column)[row]);
  }

  /** Throws {@code unknown-column} (naming {@code field} and the column) unless the column exists. */
  public void require(String field, String column) {
    if (!codes.containsKey(column)) {
      throw InputProblems.unknownColumn(field, column);
    }
  }

  /** Throws {@code length-mismatch} naming the first column unless the attributes have {@code n} rows. */
  void requireRows(int n) {
    if (rows != n) {
      String column = codes.keySet().iterator().next();
      throw InputProblems.lengthMismatch("protected", column, rows, n);
    }
  }

  /** Level index per row, shared (not copied): callers in this package only read it. */
  int[] codes(String column) {
    require("protected", column);
    return codes.get(column);
  }
}
