package org.trustml.fairness.boost;

import java.util.List;

/**
 * What every prefix θ = t + 1 of a boosted ensemble achieves on one data set, row t per matrix, for choosing θ on
 * the Pareto front (design note §5).
 *
 * @param objectiveNames names of the objective columns
 * @param objectives ob_t: [1 − accuracy, class-imbalance objective, max_j f_j] — the class-imbalance objective is
 *     |TPR − TNR| for AdaBoost and 1 − balanced accuracy for GBT
 * @param attributeNames the protected attributes
 * @param attributeViolations f_t: per attribute, the violation of the learner's constraint (EO for NONE)
 * @param definitionNames names of the definition columns
 * @param definitionGaps per definition (DP, EP, FPR, EO) the largest absolute gap over attributes
 * @param worstCellViolations per stage, max over cells with minimum support of |overall rate − cell rate| for the
 *     learner's constraint
 */
public record BoostingTrace(
    List<String> objectiveNames, double[][] objectives, List<String> attributeNames, double[][] attributeViolations,
    List<String> definitionNames, double[][] definitionGaps, double[] worstCellViolations) {

  /** The definitions in the order of {@link #definitionGaps}'s columns. */
  public static final List<Constraint> DEFINITIONS = List.of(Constraint.DP, Constraint.EP, Constraint.FPR,
      Constraint.EO);

  public BoostingTrace {
    objectiveNames = List.copyOf(objectiveNames);
    attributeNames = List.copyOf(attributeNames);
    definitionNames = List.copyOf(definitionNames);
    int stages = objectives.length;
    if (attributeViolations.length != stages || definitionGaps.length != stages
        || worstCellViolations.length != stages) {
      throw new IllegalArgumentException("every trace matrix needs one row per stage");
    }
  }

  /** The number of recorded stages (prefixes). */
  public int stages() {
    return objectives.length;
  }
}
