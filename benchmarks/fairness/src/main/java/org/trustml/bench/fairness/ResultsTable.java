package org.trustml.bench.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The per-method Markdown table: accuracy, balanced accuracy, DP and EO gap per attribute, MMM, the intersectional
 * EO and DP gaps, θ and training seconds. A method run on several splits shows mean ± standard deviation.
 */
public final class ResultsTable {

  private final List<String> attributes;
  private final Map<String, List<Outcome>> rows = new LinkedHashMap<>();

  public ResultsTable(List<String> attributes) {
    this.attributes = List.copyOf(attributes);
  }

  /** Adds one split's outcome; outcomes of the same method name are aggregated. */
  public void add(Outcome o) {
    rows.computeIfAbsent(o.method(), k -> new ArrayList<>()).add(o);
  }

  /** The methods in the order of their first outcome. */
  public List<String> methods() {
    return List.copyOf(rows.keySet());
  }

  public List<Outcome> outcomes(String method) {
    return rows.getOrDefault(method, List.of());
  }

  public String markdown() {
    List<String> head = new ArrayList<>(List.of("method", "accuracy", "bal. accuracy"));
    List<ToDoubleFunction<Outcome>> cols = new ArrayList<>();
    cols.add(o -> 1 - o.value("error"));
    cols.add(o -> 1 - o.value("balancedError"));
    for (String a : attributes) {
      head.add("dp:" + a);
      cols.add(o -> o.value("dp:" + a));
      head.add("eo:" + a);
      cols.add(o -> o.value("eo:" + a));
    }
    head.addAll(List.of("MMM", "eo:cells", "dp:cells", "θ", "train s"));
    cols.add(o -> o.value("mmm"));
    cols.add(o -> o.value("eo:cells"));
    cols.add(o -> o.value("dp:cells"));
    cols.add(o -> o.theta() == null ? Double.NaN : o.theta());
    cols.add(Outcome::trainSeconds);
    StringBuilder out = new StringBuilder("| ").append(String.join(" | ", head)).append(" |\n|");
    out.append("---|".repeat(head.size())).append('\n');
    for (Map.Entry<String, List<Outcome>> e : rows.entrySet()) {
      out.append("| ").append(e.getKey());
      for (int c = 0; c < cols.size(); c++) {
        boolean integer = c == cols.size() - 2;
        boolean seconds = c == cols.size() - 1;
        out.append(" | ").append(cell(e.getValue(), cols.get(c), integer ? 0 : seconds ? 1 : 3));
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  /** Mean (± sample standard deviation over splits) of one column; "–" where undefined. */
  static String cell(List<Outcome> outcomes, ToDoubleFunction<Outcome> f, int decimals) {
    double[] v = outcomes.stream().mapToDouble(f).toArray();
    double mean = mean(v);
    if (Double.isNaN(mean)) {
      return "–";
    }
    String fmt = "%." + decimals + "f";
    if (v.length == 1) {
      return String.format(fmt, mean);
    }
    return String.format(fmt + " ± " + fmt, mean, std(v));
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  static double std(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
