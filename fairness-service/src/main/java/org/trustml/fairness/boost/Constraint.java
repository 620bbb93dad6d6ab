package org.trustml.fairness.boost;

/**
 * The fairness definition a fair booster works on (design note §2). Gaps are non-protected minus protected rates.
 * <ul>
 *   <li>{@link #NONE}: no fairness term (plain boosting baseline); violations are recorded as {@link #EO} (MMM).
 *   <li>{@link #DP}: demographic parity, |ΔPPR|.
 *   <li>{@link #EP}: equal opportunity, |ΔTPR|; {@link #TPR} is the same definition under mmm-fair's other name.
 *   <li>{@link #FPR}: false-positive-rate parity, |ΔTNR|.
 *   <li>{@link #EO}: equalized odds as mmm-fair defines it, max(|ΔTPR|, |ΔTNR|).
 * </ul>
 */
public enum Constraint {
  NONE, DP, EP, TPR, FPR, EO;

  /** The violation of this definition for the given gaps (absolute values). */
  public double violation(double dTpr, double dTnr, double dPpr) {
    return switch (this) {
      case DP -> Math.abs(dPpr);
      case EP, TPR -> Math.abs(dTpr);
      case FPR -> Math.abs(dTnr);
      case EO, NONE -> Math.max(Math.abs(dTpr), Math.abs(dTnr));
    };
  }

  boolean isEqualOpportunity() {
    return this == EP || this == TPR;
  }
}
