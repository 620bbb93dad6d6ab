package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An assignment of every row to one group: the values of one attribute (a marginal view), mmm-fair's binary split
 * of one attribute into non-protected and protected, or the cells of the product of several attributes (the
 * intersectional view). Groups are numbered densely; each has a label and the attribute values that define it.
 */
public final class Grouping {

  /** The label of the protected side of a binary split ("not" the non-protected value). */
  public static final String PROTECTED = "protected";
  /** The label of the non-protected side of a binary split. */
  public static final String NON_PROTECTED = "non-protected";

  private final List<String> attributes;
  private final int[] groupOf;
  private final List<String> labels;
  private final List<Map<String, String>> definitions;
  private final long productSize;

  private Grouping(List<String> attributes, int[] groupOf, List<String> labels,
      List<Map<String, String>> definitions, long productSize) {
    this.attributes = List.copyOf(attributes);
    this.groupOf = groupOf;
    this.labels = List.copyOf(labels);
    this.definitions = List.copyOf(definitions);
    this.productSize = productSize;
  }

  /** One group per value of {@code column}, in level order. */
  public static Grouping byAttribute(ProtectedAttributes a, String column) {
    List<String> levels = a.levels(column);
    List<Map<String, String>> defs = new ArrayList<>();
    for (String level : levels) {
      defs.add(Map.of(column, level));
    }
    return new Grouping(List.of(column), a.codes(column), levels, defs, levels.size());
  }

  /**
   * mmm-fair's convention: group 0 is the protected side (every value but {@code nonProtectedValue}), group 1 the
   * non-protected side. A value that no row has leaves one side empty, which is an {@code empty-group} problem.
   */
  public static Grouping binary(ProtectedAttributes a, String column, String nonProtectedValue) {
    a.require("nonProtected", column);
    int level = a.levels(column).indexOf(nonProtectedValue);
    if (level < 0) {
      throw InputProblems.emptyGroup("nonProtected", column, nonProtectedValue);
    }
    int[] codes = a.codes(column);
    int[] groupOf = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      groupOf[i] = codes[i] == level ? 1 : 0;
    }
    // the attribute has at least two values, so the protected side is never empty
    List<Map<String, String>> defs = List.of(Map.of(column, "not " + nonProtectedValue),
        Map.of(column, nonProtectedValue));
    return new Grouping(List.of(column), groupOf, List.of(PROTECTED, NON_PROTECTED), defs, 2);
  }

  /**
   * The cells of the product of {@code columns}, in lexicographic order of the columns' levels. Every cell of the
   * product is listed (an empty one has n = 0) while the product has at most {@code maxListedCells} cells; beyond
   * that only the cells that hold rows are listed, because a product of many multi-valued attributes is mostly
   * empty and listing it would only make the answer large.
   */
  public static Grouping intersection(ProtectedAttributes a, List<String> columns, int maxListedCells) {
    if (columns.isEmpty()) {
      throw InputProblems.noProtectedAttribute();
    }
    int k = columns.size();
    int[][] codes = new int[k][];
    List<List<String>> levels = new ArrayList<>();
    long product = 1;
    for (int j = 0; j < k; j++) {
      codes[j] = a.codes(columns.get(j));
      levels.add(a.levels(columns.get(j)));
      product = saturatingMultiply(product, levels.get(j).size());
    }
    int n = a.size();
    // cell keys as tuples of level indices, sorted lexicographically
    TreeMap<List<Integer>, Integer> cells = new TreeMap<>(Grouping::compareTuples);
    if (product <= maxListedCells) {
      int[] tuple = new int[k];
      for (long c = 0; c < product; c++) {
        cells.put(toList(tuple), 0);
        for (int j = k - 1; j >= 0; j--) { // mixed-radix increment, last column fastest
          if (++tuple[j] < levels.get(j).size()) {
            break;
          }
          tuple[j] = 0;
        }
      }
    }
    List<Integer>[] rowKeys = rowTuples(codes, n);
    for (List<Integer> key : rowKeys) {
      cells.putIfAbsent(key, 0);
    }
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<String> labels = new ArrayList<>();
    List<Map<String, String>> defs = new ArrayList<>();
    for (List<Integer> key : cells.keySet()) {
      index.put(key, labels.size());
      Map<String, String> def = new LinkedHashMap<>();
      StringBuilder label = new StringBuilder();
      for (int j = 0; j < k; j++) {
        String value = levels.get(j).get(key.get(j));
        def.put(columns.get(j), value);
        label.append(j == 0 ? "" : ", ").append(columns.get(j)).append('=').append(value);
      }
      labels.add(label.toString());
      defs.add(Collections.unmodifiableMap(def));
    }
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      groupOf[i] = index.get(rowKeys[i]);
    }
    return new Grouping(columns, groupOf, labels, defs, product);
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array of row keys
  private static List<Integer>[] rowTuples(int[][] codes, int n) {
    List<Integer>[] keys = new List[n];
    Map<List<Integer>, List<Integer>> canonical = new HashMap<>(); // one tuple object per cell, not per row
    for (int i = 0; i < n; i++) {
      Integer[] t = new Integer[codes.length];
      for (int j = 0; j < codes.length; j++) {
        t[j] = codes[j][i];
      }
      List<Integer> key = List.of(t);
      keys[i] = canonical.computeIfAbsent(key, x -> x);
    }
    return keys;
  }

  private static List<Integer> toList(int[] tuple) {
    List<Integer> l = new ArrayList<>(tuple.length);
    for (int t : tuple) {
      l.add(t);
    }
    return List.copyOf(l);
  }

  private static int compareTuples(List<Integer> x, List<Integer> y) {
    for (int j = 0; j < x.size(); j++) {
      int c = Integer.compare(x.get(j), y.get(j));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static long saturatingMultiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /** The attributes the grouping is defined on. */
  public List<String> attributes() {
    return attributes;
  }

  /** A name for the grouping: the attribute, or the attributes joined by " x ". */
  public String name() {
    return String.join(" x ", attributes);
  }

  public int groupCount() {
    return labels.size();
  }

  public String label(int group) {
    return labels.get(group);
  }

  public List<String> labels() {
    return labels;
  }

  /** The attribute values that define a group (for a binary split, "not v" on the protected side). */
  public Map<String, String> definition(int group) {
    return definitions.get(group);
  }

  /** The number of combinations of the attributes' values (saturating at Long.MAX_VALUE). */
  public long productSize() {
    return productSize;
  }

  /** Group index per row, shared (not copied): callers in this package only read it. */
  int[] groupOf() {
    return groupOf;
  }
}
