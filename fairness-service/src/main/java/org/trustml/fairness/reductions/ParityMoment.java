package org.trustml.fairness.reductions;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A {@link ParityConstraint} with its {@link ParityBound}, loaded on training labels and sensitive codes: the
 * constraint vector γ(h), the signed costs the oracle sees for a vector of Lagrange multipliers λ, and λ's
 * projection. A faithful port of Fairlearn's {@code UtilityParity} (MIT licence, © Microsoft Corporation and
 * Fairlearn contributors), following Agarwal et al. (2018), §3 and Example 3/4.
 *
 * <p>Constraints are indexed like Fairlearn's: sign {@code +} then {@code −}, within a sign the (event, group)
 * pairs present in the data in sorted order. With r the bound's ratio and μ(e) / μ(e, g) the mean utility of an
 * event overall / within group g: γ(+, e, g) = r·μ(e, g) − μ(e) and γ(−, e, g) = r·μ(e) − μ(e, g); each must stay
 * ≤ the slack.
 */
final class ParityMoment {

  private final ParityBound bound;
  private final int n;
  private final int[] rowEvent;
  private final int[] rowPair;
  private final double[] utilityDiff;
  private final double[] utilityZero;
  private final int[] pairEvent;
  private final int[] pairGroup;
  private final double[] probEvent;
  private final double[] probPair;

  ParityMoment(ParityConstraint constraint, ParityBound bound, int[] labels, int[] sensitive) {
    if (labels.length != sensitive.length) {
      throw new IllegalArgumentException("labels and sensitive codes differ in length");
    }
    this.bound = bound;
    this.n = labels.length;
    TreeSet<Integer> codes = new TreeSet<>();
    for (int s : sensitive) {
      codes.add(s);
    }
    int[] groupCodes = codes.stream().mapToInt(Integer::intValue).toArray();
    int groups = groupCodes.length;
    int events = 0;
    rowEvent = new int[n];
    utilityDiff = new double[n];
    utilityZero = new double[n];
    for (int i = 0; i < n; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1");
      }
      rowEvent[i] = constraint.event(labels[i]);
      events = Math.max(events, rowEvent[i] + 1);
      utilityZero[i] = constraint.utilityOfZero(labels[i]);
      utilityDiff[i] = constraint.utilityOfOne(labels[i]) - utilityZero[i];
    }
    int[] eventCount = new int[events];
    int[][] pairCount = new int[events][groups];
    for (int i = 0; i < n; i++) {
      if (rowEvent[i] >= 0) {
        eventCount[rowEvent[i]]++;
        pairCount[rowEvent[i]][Arrays.binarySearch(groupCodes, sensitive[i])]++;
      }
    }
    // only (event, group) pairs present in the data get constraints, as with a pandas groupby
    int[][] pairIndex = new int[events][groups];
    int pairs = 0;
    for (int e = 0; e < events; e++) {
      for (int g = 0; g < groups; g++) {
        pairIndex[e][g] = pairCount[e][g] > 0 ? pairs++ : -1;
      }
    }
    pairEvent = new int[pairs];
    pairGroup = new int[pairs];
    probPair = new double[pairs];
    probEvent = new double[events];
    for (int e = 0; e < events; e++) {
      probEvent[e] = (double) eventCount[e] / n;
      for (int g = 0; g < groups; g++) {
        int p = pairIndex[e][g];
        if (p >= 0) {
          pairEvent[p] = e;
          pairGroup[p] = g;
          probPair[p] = (double) pairCount[e][g] / n;
        }
      }
    }
    rowPair = new int[n];
    for (int i = 0; i < n; i++) {
      rowPair[i] = rowEvent[i] < 0 ? -1
          : pairIndex[rowEvent[i]][Arrays.binarySearch(groupCodes, sensitive[i])];
    }
  }

  /** Number of constraints: two signs times the (event, group) pairs. */
  int size() {
    return 2 * pairEvent.length;
  }

  /** The bound every constraint must stay under. */
  double slack() {
    return bound.slack();
  }

  /**
   * γ for decisions (0/1) or probabilities of decision 1 per row; {@code −U^T·utility / n} in Fairlearn's terms.
   */
  double[] gamma(double[] predictions) {
    int pairs = pairEvent.length;
    double r = bound.ratio();
    double[] g = new double[2 * pairs];
    double[] eventSum = new double[probEvent.length];
    double[] pairSum = new double[pairs];
    for (int i = 0; i < n; i++) {
      if (rowEvent[i] < 0) {
        continue;
      }
      double u = utilityDiff[i] * predictions[i] + utilityZero[i];
      eventSum[rowEvent[i]] += u;
      pairSum[rowPair[i]] += u;
    }
    for (int p = 0; p < pairs; p++) {
      double overall = eventSum[pairEvent[p]] / probEvent[pairEvent[p]];
      double group = pairSum[p] / probPair[p];
      g[p] = -(overall - r * group) / n;
      g[pairs + p] = -(-r * overall + group) / n;
    }
    return g;
  }

  /** The constraints' part of the oracle's signed cost per row: {@code utilityDiff · U·λ}. */
  double[] signedWeights(double[] lambda) {
    int pairs = pairEvent.length;
    double r = bound.ratio();
    double[] perEvent = new double[probEvent.length];
    double[] perPair = new double[pairs];
    for (int p = 0; p < pairs; p++) {
      double plus = lambda[p];
      double minus = lambda[pairs + p];
      perEvent[pairEvent[p]] += (plus - r * minus) / probEvent[pairEvent[p]];
      perPair[p] = (minus - r * plus) / probPair[p];
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      if (rowEvent[i] >= 0) {
        w[i] = utilityDiff[i] * (perEvent[rowEvent[i]] + perPair[rowPair[i]]);
      }
    }
    return w;
  }

  /**
   * For a difference bound, λ⁺ and λ⁻ of one pair collapse to their positive difference: a multiplier vector that
   * gives the Lagrangian the same or a higher value for every classifier. Ratio bounds keep λ as it is.
   */
  double[] projectLambda(double[] lambda) {
    if (!bound.isDifference()) {
      return lambda.clone();
    }
    int pairs = pairEvent.length;
    double[] projected = new double[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      double diff = lambda[p] - lambda[pairs + p];
      projected[p] = Math.max(diff, 0.0);
      projected[pairs + p] = Math.max(-diff, 0.0);
    }
    return projected;
  }
}
