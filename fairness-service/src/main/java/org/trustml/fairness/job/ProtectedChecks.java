package org.trustml.fairness.job;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.data.ProtectedSpec;

/** The checks on protected attributes that the jobs reading a {@code FairSchema} share, run before queueing. */
final class ProtectedChecks {

  private ProtectedChecks() {}

  /** Every attribute names a column, none twice, none the label; a 400 naming the field or column otherwise. */
  static void check(List<ProtectedSpec> attributes, String label) {
    List<String> seen = new ArrayList<>();
    for (ProtectedSpec s : attributes) {
      if (s.column() == null || s.column().isBlank()) {
        throw ProblemException.badRequest("invalid-protected-attribute", "every protected attribute needs a column")
            .with("field", "params.protectedAttributes");
      }
      if (seen.contains(s.column()) || s.column().equals(label)) {
        throw ProblemException.badRequest("invalid-protected-attribute", "column '" + s.column()
            + "' is listed twice or is the label").with("column", s.column());
      }
      seen.add(s.column());
    }
  }
}
