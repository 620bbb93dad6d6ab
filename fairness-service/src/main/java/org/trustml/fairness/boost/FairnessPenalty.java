package org.trustml.fairness.boost;

import java.util.ArrayList;
import java.util.List;

/**
 * The GBT variant's differentiable fairness penalty (design note §4) over a list of binary groupings, each a
 * reference group (s = 1: non-protected, or "the rest" for a cell) against the others (s = 0):
 * <pre>
 *   DP : D = mean_{s=1} p − mean_{s=0} p                     pen = D²
 *   EP : D = mean_{s=1,y=1} p − mean_{s=0,y=1} p             pen = D²
 *   FPR: D = mean_{s=1,y=0}(1−p) − mean_{s=0,y=0}(1−p)       pen = D²
 *   EO : pen = D_EP² + D_FPR²
 * </pre>
 * with p = σ(raw). The penalties combine by the smooth maximum P = (1/β)·log Σ_j exp(β·pen_j), whose gradient is
 * exactly Σ_j softmax(β·pen)_j · ∂pen_j/∂raw — the fairness gradient mmm-fair adds to the logistic one. A term whose
 * conditioning set misses one of the two groups contributes 0.
 */
public final class FairnessPenalty {

  /** One D term: per row its coefficient (1/n₁, −1/n₀ or 0 outside the conditioning set). */
  private record Term(int grouping, double[] coefficient, boolean complement) { }

  private final List<Term> terms = new ArrayList<>();
  private final int groupings;
  private final double beta;
  private final int rows;

  /**
   * @param reference per grouping, per row: true for the reference group s = 1
   * @param labels 0/1 per row
   * @param constraint DP, EP/TPR, FPR or EO
   * @param beta the smooth maximum's sharpness
   */
  public FairnessPenalty(List<boolean[]> reference, int[] labels, Constraint constraint, double beta) {
    if (constraint == Constraint.NONE) {
      throw new IllegalArgumentException("a fairness penalty needs a constraint other than NONE");
    }
    this.groupings = reference.size();
    this.beta = beta;
    this.rows = labels.length;
    for (int j = 0; j < groupings; j++) {
      boolean[] s = reference.get(j);
      switch (constraint) {
        case DP -> addTerm(j, s, labels, -1, false);
        case EP, TPR -> addTerm(j, s, labels, 1, false);
        case FPR -> addTerm(j, s, labels, 0, true);
        default -> {
          addTerm(j, s, labels, 1, false);
          addTerm(j, s, labels, 0, true);
        }
      }
    }
  }

  /** Adds D over rows with label {@code condition} (−1: all rows). */
  private void addTerm(int j, boolean[] s, int[] labels, int condition, boolean complement) {
    int n1 = 0;
    int n0 = 0;
    for (int i = 0; i < rows; i++) {
      if (condition < 0 || labels[i] == condition) {
        if (s[i]) {
          n1++;
        } else {
          n0++;
        }
      }
    }
    if (n1 == 0 || n0 == 0) {
      return;
    }
    double[] c = new double[rows];
    for (int i = 0; i < rows; i++) {
      if (condition < 0 || labels[i] == condition) {
        c[i] = s[i] ? 1.0 / n1 : -1.0 / n0;
      }
    }
    terms.add(new Term(j, c, complement));
  }

  /** pen_j per grouping for raw scores {@code raw}. */
  public double[] penalties(double[] raw) {
    double[] p = sigmoid(raw);
    double[] pen = new double[groupings];
    for (Term term : terms) {
      double d = difference(term, p);
      pen[term.grouping] += d * d;
    }
    return pen;
  }

  /** The smooth maximum (1/β)·log Σ_j exp(β·pen_j); 0 without groupings. */
  public double smoothMax(double[] raw) {
    double[] pen = penalties(raw);
    if (pen.length == 0) {
      return 0;
    }
    double max = max(pen);
    double sum = 0;
    for (double v : pen) {
      sum += Math.exp(beta * (v - max));
    }
    return max + Math.log(sum) / beta;
  }

  /** ∂ smoothMax / ∂ raw_i = Σ_j softmax(β·pen)_j · ∂pen_j/∂raw_i. */
  public double[] gradient(double[] raw) {
    double[] p = sigmoid(raw);
    double[] d = new double[terms.size()];
    double[] pen = new double[groupings];
    for (int k = 0; k < d.length; k++) {
      d[k] = difference(terms.get(k), p);
      pen[terms.get(k).grouping] += d[k] * d[k];
    }
    double max = max(pen);
    double[] omega = new double[groupings];
    double sum = 0;
    for (int j = 0; j < groupings; j++) {
      omega[j] = Math.exp(beta * (pen[j] - max));
      sum += omega[j];
    }
    double[] g = new double[rows];
    for (int k = 0; k < d.length; k++) {
      Term term = terms.get(k);
      // ∂(D²)/∂raw_i = 2·D·coef_i·(±1)·p_i(1 − p_i), the sign negative for the (1 − p) terms
      double factor = omega[term.grouping] / sum * 2 * d[k] * (term.complement ? -1 : 1);
      double[] c = term.coefficient;
      for (int i = 0; i < rows; i++) {
        if (c[i] != 0) {
          g[i] += factor * c[i] * p[i] * (1 - p[i]);
        }
      }
    }
    return g;
  }

  private static double difference(Term term, double[] p) {
    double d = 0;
    double[] c = term.coefficient;
    for (int i = 0; i < c.length; i++) {
      if (c[i] != 0) {
        d += c[i] * (term.complement ? 1 - p[i] : p[i]);
      }
    }
    return d;
  }

  static double[] sigmoid(double[] raw) {
    double[] p = new double[raw.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = 1 / (1 + Math.exp(-raw[i]));
    }
    return p;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return v.length == 0 ? 0 : m;
  }
}
