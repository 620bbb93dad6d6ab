package org.trustml.fairness.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns measured trade-off facts into plain statements: what the chosen model achieves, what it gives up against the
 * most accurate candidate, what the fairest candidate would cost, and what the numbers cannot say. Every number in
 * the text is one of the facts; nothing is generated.
 */
public final class TradeOffExplainer {

  private TradeOffExplainer() {}

  public static Explanation explain(TradeOff f) {
    List<String> s = new ArrayList<>();
    String fair = f.fairnessObjective();
    s.add(String.format(Locale.ROOT, "%s uses %d of its %d learners, chosen by %s.", f.method(), f.theta(),
        f.learners(), f.selectionRule()));
    s.add(String.format(Locale.ROOT, "On %s it has accuracy %s, balanced accuracy %s and a %s of %s.",
        f.evaluatedOn(), pct(1 - get(f.chosen(), "error")), pct(1 - get(f.chosen(), "balancedError")), describe(fair),
        num(get(f.chosen(), fair))));
    double accuracyCost = get(f.chosen(), "error") - get(f.mostAccurate(), "error");
    double gapGain = get(f.mostAccurate(), fair) - get(f.chosen(), fair);
    if (f.mostAccurate().get("theta") != null && f.mostAccurate().get("theta").intValue() != f.theta()) {
      s.add(String.format(Locale.ROOT,
          "Against the most accurate candidate (%d learners) it %s %s points of accuracy and %s the %s by %s "
              + "(from %s to %s).",
          f.mostAccurate().get("theta").intValue(), accuracyCost >= 0 ? "gives up" : "gains",
          points(Math.abs(accuracyCost)), gapGain >= 0 ? "lowers" : "raises",
          describe(fair), num(Math.abs(gapGain)), num(get(f.mostAccurate(), fair)), num(get(f.chosen(), fair))));
    } else {
      s.add("It is also the most accurate candidate: its fairness costs no accuracy on these data.");
    }
    if (f.fairest().get("theta") != null && f.fairest().get("theta").intValue() != f.theta()) {
      s.add(String.format(Locale.ROOT,
          "The fairest candidate (%d learners) would reach a %s of %s at accuracy %s.",
          f.fairest().get("theta").intValue(), describe(fair), num(get(f.fairest(), fair)),
          pct(1 - get(f.fairest(), "error"))));
    }
    for (Map.Entry<String, Double> e : f.chosen().entrySet()) {
      String k = e.getKey();
      if (k.contains(":") && !k.equals(fair) && k.startsWith(fair.split(":")[0] + ":")) {
        s.add(String.format(Locale.ROOT, "The %s is %s.", describe(k), num(e.getValue())));
      }
    }
    if (!f.undefinedGroups().isEmpty()) {
      s.add("Too few rows to measure, so not covered by these numbers: " + String.join(", ", f.undefinedGroups())
          + ".");
    }
    return new Explanation(String.join("\n", s), s, f, "template");
  }

  /** Human words for a column name such as {@code eo:sex} or {@code dp:cells}. */
  static String describe(String column) {
    String[] parts = column.split(":", 2);
    String what = switch (parts[0]) {
      case "dp" -> "demographic-parity gap";
      case "ep" -> "equal-opportunity (TPR) gap";
      case "fpr" -> "false-positive-rate gap";
      case "eo" -> "equalized-odds gap";
      case "mmm" -> "multi-max mistreatment (worst TPR or TNR gap over attributes)";
      case "fairness" -> "fairness violation";
      default -> column;
    };
    if (parts.length == 1) {
      return parts[0].equals("mmm") || parts[0].equals("fairness") ? what : "worst " + what + " over attributes";
    }
    return parts[1].equals("cells") ? "worst " + what + " between intersectional groups" : what + " on " + parts[1];
  }

  private static double get(Map<String, Double> m, String key) {
    Double v = m.get(key);
    return v == null ? Double.NaN : v;
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String points(double v) {
    return String.format(Locale.ROOT, "%.1f", 100 * v);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
