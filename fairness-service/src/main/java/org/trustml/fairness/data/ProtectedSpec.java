package org.trustml.fairness.data;

import java.util.List;
import org.trustml.core.web.ProblemException;

/**
 * How one protected column becomes groups.
 *
 * @param column the column
 * @param nonProtected the non-protected group of MMM-Fair's binary view: a value ({@code White}, {@code Male}), a
 *     number, or an open range {@code lo_hi} meaning lo < x < hi (e.g. {@code 25_60}); null for the most common value
 * @param bands cut points that turn a numeric column into ordered bands for the multi-valued and intersectional
 *     views (e.g. {@code [25, 45, 65]}); null or empty to use the column's values as they are
 */
public record ProtectedSpec(String column, String nonProtected, List<Double> bands) {

  public ProtectedSpec {
    bands = bands == null ? List.of() : List.copyOf(bands);
    for (int i = 1; i < bands.size(); i++) {
      if (!(bands.get(i) > bands.get(i - 1))) {
        throw ProblemException.badRequest("invalid-protected-attribute", "the bands of '" + column
            + "' must be ascending: " + bands).with("column", column);
      }
    }
  }

  public static ProtectedSpec of(String column, String nonProtected) {
    return new ProtectedSpec(column, nonProtected, List.of());
  }
}
