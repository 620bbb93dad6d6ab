package org.trustml.fairness.pareto;

/**
 * Confusion counts of one group under one candidate, and the three rates the fairness objectives compare. Rates of a
 * group without the rows they condition on are NaN, so that a caller decides what an undefined rate means.
 */
final class GroupRates {

  long tp;
  long fp;
  long tn;
  long fn;

  void add(int label, int prediction) {
    if (label == 1) {
      if (prediction == 1) {
        tp++;
      } else {
        fn++;
      }
    } else if (prediction == 1) {
      fp++;
    } else {
      tn++;
    }
  }

  long n() {
    return tp + fp + tn + fn;
  }

  double selectionRate() {
    return n() == 0 ? Double.NaN : (double) (tp + fp) / n();
  }

  double tpr() {
    return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
  }

  double fpr() {
    return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
  }

  /** The rates mmm-fair uses in training: counts over (count + 1e-10), so an empty group reads 0. */
  double guardedSelectionRate() {
    return (tp + fp) / (n() + 1e-10);
  }

  double guardedTpr() {
    return tp / (tp + fn + 1e-10);
  }

  double guardedTnr() {
    return tn / (tn + fp + 1e-10);
  }
}
