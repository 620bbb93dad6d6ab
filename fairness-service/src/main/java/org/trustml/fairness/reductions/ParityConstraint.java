package org.trustml.fairness.reductions;

/**
 * The parity constraints of Agarwal et al. (2018) as Fairlearn names them. Each compares a group's mean utility
 * within an event with the event's overall mean: the event says which rows a constraint looks at (all rows, or the
 * rows of one label), the utility what is averaged (the decision, or for error-rate parity the error).
 */
public enum ParityConstraint {
  /** P(ŷ=1 | A=a) = P(ŷ=1): one event, all rows. */
  DEMOGRAPHIC_PARITY,
  /** P(ŷ=1 | A=a, Y=1) = P(ŷ=1 | Y=1) (equal opportunity): one event, the positive rows. */
  TRUE_POSITIVE_RATE_PARITY,
  /** P(ŷ=1 | A=a, Y=0) = P(ŷ=1 | Y=0): one event, the negative rows. */
  FALSE_POSITIVE_RATE_PARITY,
  /** P(ŷ=1 | A=a, Y=y) = P(ŷ=1 | Y=y) for both labels: one event per label. */
  EQUALIZED_ODDS,
  /** P(ŷ≠Y | A=a) = P(ŷ≠Y): one event, utility = error. */
  ERROR_RATE_PARITY;

  /** The event of a row with this label, or −1 if the row is in no event. Events are numbered in sorted order. */
  int event(int label) {
    return switch (this) {
      case DEMOGRAPHIC_PARITY, ERROR_RATE_PARITY -> 0;
      case TRUE_POSITIVE_RATE_PARITY -> label == 1 ? 0 : -1;
      case FALSE_POSITIVE_RATE_PARITY -> label == 0 ? 0 : -1;
      case EQUALIZED_ODDS -> label;
    };
  }

  /** The utility of decision 0 for a row with this label. */
  double utilityOfZero(int label) {
    return this == ERROR_RATE_PARITY ? label : 0.0;
  }

  /** The utility of decision 1 for a row with this label. */
  double utilityOfOne(int label) {
    return this == ERROR_RATE_PARITY ? 1 - label : 1.0;
  }
}
