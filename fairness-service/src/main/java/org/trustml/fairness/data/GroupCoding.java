package org.trustml.fairness.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ProtectedAttribute;

/**
 * A protected column's loader codes turned into groups: the values (or numeric bands) the multi-valued and
 * intersectional views compare, and the binary view MMM-Fair trains on.
 */
final class GroupCoding {

  static final String UNSEEN = "(unseen)";

  private GroupCoding() {}

  static FairProblem.Attribute attribute(ProtectedSpec spec, ProtectedAttribute raw) {
    String column = spec.column();
    List<String> categories = raw.categories();
    int n = raw.codes().length;
    // each category (or an unseen value, code −1) maps to one group value
    List<String> values = new ArrayList<>();
    Map<String, Integer> valueIndex = new HashMap<>();
    int[] categoryToValue = new int[categories.size() + 1];
    for (int c = -1; c < categories.size(); c++) {
      String value = c < 0 ? UNSEEN : spec.bands().isEmpty() ? categories.get(c) : band(spec, categories.get(c));
      categoryToValue[c + 1] = valueIndex.computeIfAbsent(value, v -> {
        values.add(v);
        return values.size() - 1;
      });
    }
    // values in natural order (bands in numeric order), so groups do not depend on which value came first
    List<String> ordered = spec.bands().isEmpty() ? values.stream().sorted().toList() : bandOrder(spec, values);
    int[] codes = new int[n];
    int[] counts = new int[ordered.size()];
    for (int i = 0; i < n; i++) {
      codes[i] = ordered.indexOf(values.get(categoryToValue[raw.codes()[i] + 1]));
      counts[codes[i]]++;
    }
    List<String> present = new ArrayList<>();
    for (int v = 0; v < ordered.size(); v++) {
      if (counts[v] > 0) {
        present.add(ordered.get(v));
      }
    }
    if (present.size() < 2) {
      throw ProblemException.badRequest("single-valued-attribute", "protected attribute '" + column + "' has one "
          + "value " + present + " in the rows used; there is nothing to compare").with("column", column);
    }
    // compact to the values present, keeping their order
    int[] remap = new int[ordered.size()];
    for (int v = 0, k = 0; v < ordered.size(); v++) {
      remap[v] = counts[v] > 0 ? k++ : -1;
    }
    for (int i = 0; i < n; i++) {
      codes[i] = remap[codes[i]];
    }
    boolean[] nonProtected = binaryView(spec, present, codes, counts, ordered, raw, categories);
    return new FairProblem.Attribute(column, present, codes, nonProtected);
  }

  private static boolean[] binaryView(ProtectedSpec spec, List<String> present, int[] codes, int[] counts,
      List<String> ordered, ProtectedAttribute raw, List<String> categories) {
    int n = codes.length;
    boolean[] np = new boolean[n];
    String rule = spec.nonProtected();
    if (rule == null) {
      int best = 0;
      for (int v = 1; v < ordered.size(); v++) {
        best = counts[v] > counts[best] ? v : best;
      }
      int chosen = present.indexOf(ordered.get(best));
      for (int i = 0; i < n; i++) {
        np[i] = codes[i] == chosen;
      }
    } else if (isRange(rule)) {
      String[] ends = rule.split("_");
      double lo = Double.parseDouble(ends[0]);
      double hi = Double.parseDouble(ends[1]);
      for (int i = 0; i < n; i++) {
        int c = raw.codes()[i];
        Double v = c < 0 ? null : number(categories.get(c));
        if (v == null) {
          throw ProblemException.badRequest("invalid-protected-attribute", "protected attribute '" + spec.column()
              + "' has the non-numeric value '" + (c < 0 ? UNSEEN : categories.get(c)) + "' but its non-protected "
              + "group is the range " + rule).with("column", spec.column());
        }
        np[i] = lo < v && v < hi;
      }
    } else if (spec.bands().isEmpty()) {
      int chosen = present.indexOf(rule);
      if (chosen < 0) {
        throw ProblemException.badRequest("unknown-value", "protected attribute '" + spec.column() + "' has no value '"
            + rule + "'; its values are " + present).with("column", spec.column());
      }
      for (int i = 0; i < n; i++) {
        np[i] = codes[i] == chosen;
      }
    } else {
      Double target = number(rule);
      if (target == null) {
        throw ProblemException.badRequest("invalid-protected-attribute", "the non-protected group of banded attribute '"
            + spec.column() + "' must be a number or a range lo_hi, not '" + rule + "'").with("column", spec.column());
      }
      for (int i = 0; i < n; i++) {
        int c = raw.codes()[i];
        np[i] = c >= 0 && target.equals(number(categories.get(c)));
      }
    }
    int nonProtectedRows = 0;
    for (boolean b : np) {
      nonProtectedRows += b ? 1 : 0;
    }
    if (nonProtectedRows == 0 || nonProtectedRows == n) {
      throw ProblemException.badRequest("empty-group", "the binary view of protected attribute '" + spec.column()
          + "' (non-protected: " + (rule == null ? "most common value" : rule) + ") puts every row in one group")
          .with("column", spec.column());
    }
    return np;
  }

  private static boolean isRange(String rule) {
    String[] ends = rule.split("_");
    return ends.length == 2 && number(ends[0]) != null && number(ends[1]) != null;
  }

  private static String band(ProtectedSpec spec, String category) {
    Double v = number(category);
    if (v == null) {
      throw ProblemException.badRequest("invalid-protected-attribute", "protected attribute '" + spec.column()
          + "' has bands but the non-numeric value '" + category + "'").with("column", spec.column());
    }
    List<Double> cuts = spec.bands();
    int b = 0;
    while (b < cuts.size() && v >= cuts.get(b)) {
      b++;
    }
    return b == 0 ? "<" + fmt(cuts.get(0))
        : b == cuts.size() ? "≥" + fmt(cuts.get(b - 1))
        : "[" + fmt(cuts.get(b - 1)) + ", " + fmt(cuts.get(b)) + ")";
  }

  private static List<String> bandOrder(ProtectedSpec spec, List<String> values) {
    List<String> all = new ArrayList<>();
    List<Double> cuts = spec.bands();
    all.add("<" + fmt(cuts.get(0)));
    for (int b = 1; b < cuts.size(); b++) {
      all.add("[" + fmt(cuts.get(b - 1)) + ", " + fmt(cuts.get(b)) + ")");
    }
    all.add("≥" + fmt(cuts.get(cuts.size() - 1)));
    if (values.contains(UNSEEN)) {
      all.add(UNSEEN);
    }
    return all;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static Double number(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
