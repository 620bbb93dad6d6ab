package org.trustml.fairness.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.trustml.core.web.ProblemException;

/**
 * Chooses how many learners a boosted model uses, without retraining, in the two ways a user asks:
 *
 * <ul>
 *   <li>by preference (the design note's exact rule): the non-dominated candidates over some objectives, their
 *       pseudo-weights, then the candidate minimising Σ_j (1 − w_j)·F_j without a preference, or the candidate whose
 *       weights are nearest the preference π in L1 otherwise;
 *   <li>by constraint: every candidate meeting all bounds (e.g. {@code eo:cells ≤ 0.05}), then the best value of one
 *       objective (e.g. {@code balancedError}); ties go to fewer learners.
 * </ul>
 */
public final class ThetaSelector {

  private ThetaSelector() {}

  /**
   * @param criteria the objectives of the front, columns of {@code table}
   * @param preference one weight per criterion, or null for none
   * @throws ProblemException 400 when the preference does not match the criteria
   */
  public static Selection byPreference(CandidateTable table, List<String> criteria, double[] preference) {
    if (criteria.isEmpty()) {
      throw ProblemException.badRequest("invalid-selection", "name at least one objective")
          .with("field", "criteria");
    }
    if (preference != null && preference.length != criteria.size()) {
      throw ProblemException.badRequest("invalid-selection", "the preference has " + preference.length
          + " weights for " + criteria.size() + " objectives " + criteria).with("field", "preference");
    }
    double[][] f = table.project(criteria);
    int[] front = ParetoFront.nonDominated(f);
    double[][] onFront = rows(f, front);
    double[][] w = PseudoWeights.of(onFront);
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int i = 0; i < front.length; i++) {
      double score = 0;
      for (int j = 0; j < criteria.size(); j++) {
        score += preference == null ? (1 - w[i][j]) * onFront[i][j] : Math.abs(w[i][j] - preference[j]);
      }
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    String rule = preference == null
        ? "pseudo-weights without preference over " + criteria
        : "pseudo-weights nearest the preference " + Arrays.toString(preference) + " over " + criteria;
    return new Selection(front[best] + 1, rule, criteria, thetas(front), w[best],
        Hypervolume.of(onFront, ones(criteria.size())));
  }

  /**
   * @param bounds every bound a candidate must meet
   * @param optimize the objective to minimise among those that do
   * @param criteria the objectives of the front reported with the choice
   * @throws ProblemException 422 {@code unsatisfiable-constraint} naming the smallest value each bound can reach
   */
  public static Selection byConstraint(CandidateTable table, List<Bound> bounds, String optimize,
      List<String> criteria) {
    int target = table.column(optimize);
    int[] bounded = bounds.stream().mapToInt(b -> table.column(b.objective())).toArray();
    int best = -1;
    for (int i = 0; i < table.candidates(); i++) {
      boolean ok = true;
      for (int b = 0; b < bounded.length && ok; b++) {
        double v = table.values()[i][bounded[b]];
        ok = !Double.isNaN(v) && v <= bounds.get(b).max();
      }
      if (ok && (best < 0 || table.values()[i][target] < table.values()[best][target])) {
        best = i;
      }
    }
    if (best < 0) {
      List<String> reachable = new ArrayList<>();
      for (Bound b : bounds) {
        int c = table.column(b.objective());
        double min = Arrays.stream(table.values()).mapToDouble(r -> r[c]).filter(v -> !Double.isNaN(v)).min()
            .orElse(Double.NaN);
        reachable.add(b.objective() + " ≥ " + min);
      }
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unsatisfiable-constraint",
          "no candidate meets " + bounds + "; the best each objective reaches alone is " + reachable);
    }
    double[][] f = table.project(criteria);
    int[] front = ParetoFront.nonDominated(f);
    return new Selection(best + 1, "least " + optimize + " subject to " + bounds, criteria, thetas(front),
        new double[0], Hypervolume.of(rows(f, front), ones(criteria.size())));
  }

  private static double[][] rows(double[][] f, int[] idx) {
    double[][] out = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      out[i] = f[idx[i]];
    }
    return out;
  }

  private static int[] thetas(int[] front) {
    return Arrays.stream(front).map(i -> i + 1).toArray();
  }

  private static double[] ones(int n) {
    double[] r = new double[n];
    Arrays.fill(r, 1);
    return r;
  }
}
