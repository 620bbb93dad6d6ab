package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Computes {@link Mmm}: one grouping per attribute, one bootstrap pass over all of them. */
final class MmmAnalysis {

  private static final Metric[] COMPARED = {Metric.TPR, Metric.TNR, Metric.SELECTION_RATE};

  private MmmAnalysis() {}

  static Mmm of(Predictions p, ProtectedAttributes a, MetricsOptions options) {
    for (String column : options.nonProtected().keySet()) {
      a.require("nonProtected", column);
    }
    List<String> names = a.names();
    int k = names.size();
    Grouping[] groupings = new Grouping[k];
    GapEvaluator[] evaluators = new GapEvaluator[k];
    boolean[] binary = new boolean[k];
    double[][] observedDeltas = new double[k][];
    double[] observedViolation = new double[k];
    for (int j = 0; j < k; j++) {
      String column = names.get(j);
      String named = options.nonProtected().get(column);
      binary[j] = named != null;
      groupings[j] = binary[j] ? Grouping.binary(a, column, named) : Grouping.byAttribute(a, column);
      CountTable observed = CountTable.count(groupings[j], p.outcomes(), null, null);
      MetricFrame frame = MetricFrame.of(groupings[j], observed, options.minSupport(), null, null);
      evaluators[j] = new GapEvaluator(groupings[j], frame);
      observedDeltas[j] = deltas(evaluators[j], binary[j], observed);
      observedViolation[j] = violation(observedDeltas[j]);
    }

    // one pass: column 0 is MMM, then per attribute ΔTPR, ΔTNR, ΔPPR and the violation
    Bootstrap bootstrap = options.bootstrap();
    double[][] replicates = bootstrap.enabled() ? bootstrap.replicate(p.size(), weights -> {
      double[] v = new double[1 + 4 * k];
      double mmm = Double.NaN;
      boolean any = false;
      for (int j = 0; j < k; j++) {
        CountTable t = CountTable.count(groupings[j], p.outcomes(), weights, null);
        double[] d = deltas(evaluators[j], binary[j], t);
        double violation = violation(d);
        System.arraycopy(d, 0, v, 1 + 4 * j, 3);
        v[1 + 4 * j + 3] = violation;
        if (!Double.isNaN(observedViolation[j])) { // the same attributes as the point estimate
          mmm = any ? Math.max(mmm, violation) : violation; // Math.max propagates NaN
          any = true;
        }
      }
      v[0] = mmm;
      return v;
    }) : new double[0][];

    List<MmmTerm> terms = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      String column = names.get(j);
      Set<String> excluded = new LinkedHashSet<>();
      for (Metric m : COMPARED) {
        int[] q = evaluators[j].qualifying(m);
        for (int g = 0; g < groupings[j].groupCount(); g++) {
          final int group = g;
          if (java.util.Arrays.stream(q).noneMatch(x -> x == group)) {
            excluded.add(groupings[j].label(g));
          }
        }
      }
      List<String> flags = new ArrayList<>();
      if (!excluded.isEmpty()) {
        flags.add(Gap.FLAG_GROUPS_EXCLUDED);
      }
      if (Double.isNaN(observedViolation[j])) {
        flags.add(Gap.FLAG_UNDEFINED);
      }
      ConfidenceInterval violationCi = bootstrap.interval(replicates, 1 + 4 * j + 3);
      Gap.addCiFlags(flags, violationCi);
      double[] d = observedDeltas[j];
      terms.add(new MmmTerm(column, binary[j] ? MmmTerm.NON_PROTECTED_MINUS_PROTECTED : MmmTerm.MAX_MINUS_MIN,
          options.nonProtected().get(column), d[0], d[1], d[2], observedViolation[j],
          bootstrap.interval(replicates, 1 + 4 * j), bootstrap.interval(replicates, 1 + 4 * j + 1),
          bootstrap.interval(replicates, 1 + 4 * j + 2), violationCi, List.copyOf(excluded), flags));
    }
    double value = Double.NaN;
    String driving = null;
    List<String> flags = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (Double.isNaN(observedViolation[j])) {
        flags.add(AdditiveCriterion.FLAG_UNDEFINED_ATTRIBUTE + names.get(j));
      } else if (Double.isNaN(value) || observedViolation[j] > value) {
        value = observedViolation[j];
        driving = names.get(j);
      }
    }
    if (Double.isNaN(value)) {
      flags.add(Gap.FLAG_UNDEFINED);
    }
    ConfidenceInterval ci = bootstrap.interval(replicates, 0);
    Gap.addCiFlags(flags, ci);
    return new Mmm(value, driving, ci, terms, flags);
  }

  /** [ΔTPR, ΔTNR, ΔPPR] of one attribute in {@code t}. */
  private static double[] deltas(GapEvaluator e, boolean binary, CountTable t) {
    double[] d = new double[COMPARED.length];
    for (int i = 0; i < COMPARED.length; i++) {
      Metric m = COMPARED[i];
      if (binary) {
        // both sides must qualify; group 1 is the non-protected side (see Grouping.binary)
        int[] q = e.qualifying(m);
        d[i] = q.length == 2 ? m.value(t.group(1)) - m.value(t.group(0)) : Double.NaN;
      } else {
        d[i] = e.result(m, GapMethod.DIFFERENCE_BETWEEN_GROUPS, t).value();
      }
    }
    return d;
  }

  private static double violation(double[] d) {
    if (Double.isNaN(d[0]) || Double.isNaN(d[1])) {
      return Double.NaN;
    }
    return Math.max(Math.abs(d[0]), Math.abs(d[1]));
  }
}
