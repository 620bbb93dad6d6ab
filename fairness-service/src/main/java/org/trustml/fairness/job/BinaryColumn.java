package org.trustml.fairness.job;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trustml.core.web.ProblemException;

/** A label column as 0/1: already 0/1, true/false, or two values of which {@code positive} is 1. */
final class BinaryColumn {

  private BinaryColumn() {}

  static int[] of(String column, List<String> values, String positive) {
    Set<String> distinct = new LinkedHashSet<>(values);
    if (distinct.size() > 2) {
      throw ProblemException.badRequest("label-not-binary", "column '" + column + "' has " + distinct.size()
          + " distinct values; a binary classifier's labels have two").with("column", column);
    }
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      String v = values.get(i);
      if (positive != null) {
        out[i] = v.equals(positive) ? 1 : 0;
      } else if (v.equals("1") || v.equalsIgnoreCase("true")) {
        out[i] = 1;
      } else if (v.equals("0") || v.equalsIgnoreCase("false")) {
        out[i] = 0;
      } else {
        throw ProblemException.badRequest("label-not-binary", "column '" + column + "' holds '" + v
            + "'; use 0/1 or name the positive value").with("column", column);
      }
    }
    return out;
  }
}
