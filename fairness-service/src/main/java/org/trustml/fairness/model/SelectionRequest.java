package org.trustml.fairness.model;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.pareto.Bound;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;
import org.trustml.fairness.pareto.Selection;
import org.trustml.fairness.pareto.ThetaSelector;

/**
 * How a user asks for a model's size: by preference over a front, or by constraint.
 *
 * @param criteria the front's objectives as a preset: {@code all} (error, class imbalance, fairness: mmm-fair's
 *     default), {@code fairness} (the trained gap per attribute, and over cells when intersectional) or
 *     {@code fairdefs} (the worst DP, EP and EO gaps); ignored when {@code objectives} is given
 * @param objectives the front's objectives by name, e.g. {@code [error, eo:cells]}
 * @param preference one weight per objective; none for the note's default rule
 * @param constraints bounds every acceptable candidate meets, e.g. {@code eo:cells ≤ 0.05}; turns the request
 *     into a constraint query
 * @param optimize with constraints: the objective to minimise, {@code balancedError} by default
 */
public record SelectionRequest(String criteria, List<String> objectives, List<Double> preference,
    List<@Valid Bound> constraints, String optimize) {

  public static SelectionRequest defaults() {
    return new SelectionRequest(null, null, null, null, null);
  }

  /** Applies the request to a model's candidates. */
  public Selection select(FairModel model) {
    return select(model.candidates(), model.variant(), model.constraint(), model.intersectional(),
        model.protectedColumns());
  }

  public Selection select(CandidateTable table, String variant, String constraint, boolean intersectional,
      List<String> attributes) {
    List<String> front = objectives != null && !objectives.isEmpty()
        ? objectives : preset(table, variant, constraint, intersectional, attributes);
    if (constraints != null && !constraints.isEmpty()) {
      return ThetaSelector.byConstraint(table, constraints, optimize == null ? "balancedError" : optimize, front);
    }
    double[] pi = preference == null ? null : preference.stream().mapToDouble(Double::doubleValue).toArray();
    return ThetaSelector.byPreference(table, front, pi);
  }

  private List<String> preset(CandidateTable table, String variant, String constraint, boolean intersectional,
      List<String> attributes) {
    String name = criteria == null ? "all" : criteria;
    String prefix = objectivePrefix(constraint);
    return switch (name) {
      case "all" -> List.of("error", "adaboost".equals(variant) ? "imbalance" : "balancedError", "fairness");
      case "fairness" -> {
        List<String> cols = new ArrayList<>(attributes.stream().map(a -> prefix + ":" + a).toList());
        if (intersectional && table.columns().contains(prefix + ":cells")) {
          cols.add(prefix + ":cells");
        }
        yield cols;
      }
      case "fairdefs" -> List.of("dp", "ep", "eo");
      default -> throw ProblemException.badRequest("invalid-selection", "criteria must be all, fairness or "
          + "fairdefs, not '" + name + "'").with("field", "criteria");
    };
  }

  /** The column prefix of a training constraint (NONE is judged on equalized odds). */
  public static String objectivePrefix(String constraint) {
    return FairnessObjective.of(constraint).prefix();
  }
}
