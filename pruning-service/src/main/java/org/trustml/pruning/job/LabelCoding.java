package org.trustml.pruning.job;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Label values to class codes 0 … C − 1 in ascending order of the values: numeric when every value is an integer
 * (so "10" follows "9", and "07" is "7"), else by string. Selection seeds its classes in this order.
 */
final class LabelCoding {

  private LabelCoding() {}

  /** Codes per sample, and the value of each code. */
  record Coded(int[] codes, List<String> classes) {}

  static Coded of(String[] values) {
    boolean integers = values.length > 0;
    for (String v : values) {
      integers &= isInteger(v);
    }
    Comparator<String> order = integers ? Comparator.comparing(BigInteger::new) : Comparator.naturalOrder();
    TreeMap<String, Integer> codes = new TreeMap<>(order);
    for (String v : values) {
      codes.putIfAbsent(v, 0);
    }
    List<String> classes = new ArrayList<>(codes.keySet());
    for (int c = 0; c < classes.size(); c++) {
      codes.put(classes.get(c), c);
    }
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = codes.get(values[i]);
    }
    return new Coded(out, List.copyOf(classes));
  }

  private static boolean isInteger(String v) {
    int start = !v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+') ? 1 : 0;
    if (start == v.length()) {
      return false;
    }
    for (int i = start; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
