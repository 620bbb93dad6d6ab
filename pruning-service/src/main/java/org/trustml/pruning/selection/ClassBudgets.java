package org.trustml.pruning.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many samples each class keeps. The total is m = (1 − α)·N rounded half up. Proportional: class c gets
 * ⌊(1 − α)·n_c⌋ and the remaining units go to the largest fractional parts (ties: lower class first), so the
 * budgets sum to m. Uniform: m/C each, the remainder to the first classes. Arithmetic in decimal so that a rate
 * such as 0.9 keeps exactly 10 % (1 − 0.9 in double is 0.09999999999999998).
 */
public final class ClassBudgets {

  private ClassBudgets() {}

  /**
   * @param sizes  n_c per class, in label order (not modified)
   * @param labels label per class, for messages
   * @throws IllegalArgumentException when a class gets no sample or more than it has
   */
  public static int[] of(int[] sizes, int[] labels, double pruneRate, SelectionParams.Budget rule) {
    BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(pruneRate));
    long total = 0;
    for (int s : sizes) {
      total += s;
    }
    int m = keep.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    int classes = sizes.length;
    int[] budgets = new int[classes];
    if (rule == SelectionParams.Budget.UNIFORM) {
      for (int c = 0; c < classes; c++) {
        budgets[c] = m / classes + (c < m % classes ? 1 : 0);
      }
    } else {
      BigDecimal[] fractions = new BigDecimal[classes];
      int assigned = 0;
      for (int c = 0; c < classes; c++) {
        BigDecimal exact = keep.multiply(BigDecimal.valueOf(sizes[c]));
        budgets[c] = exact.setScale(0, RoundingMode.FLOOR).intValueExact();
        fractions[c] = exact.subtract(BigDecimal.valueOf(budgets[c]));
        assigned += budgets[c];
      }
      for (int extra = 0; extra < m - assigned; extra++) {
        int best = -1;
        for (int c = 0; c < classes; c++) {
          if (fractions[c] != null && (best < 0 || fractions[c].compareTo(fractions[best]) > 0)) {
            best = c;
          }
        }
        budgets[best]++;
        fractions[best] = null;
      }
    }
    for (int c = 0; c < classes; c++) {
      if (budgets[c] > sizes[c]) {
        throw new IllegalArgumentException("class " + labels[c] + " has " + sizes[c] + " samples, fewer than its "
            + rule.name().toLowerCase() + " budget of " + budgets[c] + " at pruneRate " + pruneRate);
      }
      if (budgets[c] == 0) {
        throw new IllegalArgumentException("class " + labels[c] + " has " + sizes[c] + " samples, too few to keep "
            + "any at pruneRate " + pruneRate + " (" + rule.name().toLowerCase() + " budget 0)");
      }
    }
    return budgets;
  }
}
