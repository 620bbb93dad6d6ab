package org.trustml.fairness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link AdditiveView} from the marginal analyses. Their replicates come from the same resamples (one
 * seed), so the max and sum over attributes are taken resample by resample, giving joint intervals.
 */
final class AdditiveAnalysis {

  private AdditiveAnalysis() {}

  static AdditiveView of(List<DisparityAnalysis> marginals, Bootstrap bootstrap) {
    List<String> attributes = new ArrayList<>();
    for (DisparityAnalysis m : marginals) {
      attributes.add(m.grouping.name());
    }
    List<AdditiveCriterion> criteria = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      int column = DisparityAnalysis.column(c, GapMethod.DIFFERENCE_BETWEEN_GROUPS);
      Map<String, Double> byAttribute = new LinkedHashMap<>();
      List<String> flags = new ArrayList<>();
      boolean[] defined = new boolean[marginals.size()];
      double max = Double.NaN;
      String driving = null;
      double sum = 0;
      for (int j = 0; j < marginals.size(); j++) {
        double d = marginals.get(j).gap(c, GapMethod.DIFFERENCE_BETWEEN_GROUPS).value();
        byAttribute.put(attributes.get(j), d);
        defined[j] = !Double.isNaN(d);
        if (!defined[j]) {
          flags.add(AdditiveCriterion.FLAG_UNDEFINED_ATTRIBUTE + attributes.get(j));
        } else if (Double.isNaN(max) || d > max) {
          max = d;
          driving = attributes.get(j);
        }
        sum += d; // NaN once any term is undefined
      }
      ConfidenceInterval maxCi = null;
      ConfidenceInterval sumCi = null;
      if (bootstrap.enabled()) {
        int resamples = bootstrap.resamples();
        double[] maxes = new double[resamples];
        double[] sums = new double[resamples];
        for (int b = 0; b < resamples; b++) {
          double mx = Double.NaN;
          double s = 0;
          boolean anyDefined = false;
          for (int j = 0; j < marginals.size(); j++) {
            double d = marginals.get(j).replicates[b][column];
            s += d;
            if (defined[j]) { // the same attributes as the point estimate
              mx = anyDefined ? Math.max(mx, d) : d; // Math.max propagates NaN
              anyDefined = true;
            }
          }
          maxes[b] = mx;
          sums[b] = s;
        }
        maxCi = bootstrap.interval(maxes);
        sumCi = bootstrap.interval(sums);
      }
      criteria.add(new AdditiveCriterion(c.id(), byAttribute, max, driving, maxCi, sum, sumCi, flags));
    }
    return new AdditiveView(attributes, criteria);
  }
}
