package org.trustml.fairness.data;

import java.util.List;
import java.util.Locale;
import org.trustml.core.web.ProblemException;

/** A label column's classes as 0/1, the positive class named or recognised (1, true, yes). */
public final class LabelCoding {

  private static final List<String> POSITIVE_SPELLINGS = List.of("1", "1.0", "true", "yes");

  private LabelCoding() {}

  static int[] binary(String column, List<String> classes, int[] codes, String positive) {
    if (codes == null) {
      throw ProblemException.badRequest("label-not-binary", "label column '" + column + "' holds real numbers; a "
          + "binary label has two values").with("column", column);
    }
    if (classes.size() != 2) {
      throw ProblemException.badRequest("label-not-binary", "label column '" + column + "' has " + classes.size()
          + " values " + (classes.size() <= 20 ? classes : classes.subList(0, 20) + "…") + "; it must have two")
          .with("column", column);
    }
    int positiveCode = positiveCode(column, classes, positive);
    int[] y = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      y[i] = codes[i] == positiveCode ? 1 : 0;
    }
    return y;
  }

  /**
   * The index of the positive class among two.
   *
   * @throws org.trustml.core.web.ProblemException 400 naming the column when it cannot be told
   */
  public static int positiveCode(String column, List<String> classes, String positive) {
    if (positive != null) {
      int i = classes.indexOf(positive);
      if (i < 0) {
        throw ProblemException.badRequest("unknown-value", "label column '" + column + "' has no value '" + positive
            + "'; its values are " + classes).with("column", column);
      }
      return i;
    }
    for (int i = 0; i < 2; i++) {
      if (POSITIVE_SPELLINGS.contains(classes.get(i).toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw ProblemException.badRequest("positive-class-required", "name the positive value of label column '" + column
        + "': one of " + classes).with("column", column);
  }
}
