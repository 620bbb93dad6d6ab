package org.trustml.fairness.model;

import java.util.List;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.Selection;
import tools.jackson.databind.JsonNode;

/**
 * The stored form of a trained fair boosted model ({@code model.json}, the sidecar of the ONNX file): enough to
 * serve it, to choose its size again without retraining, and to audit how it was made.
 *
 * @param formatVersion the layout of this record, raised on incompatible changes
 * @param variant {@code adaboost} or {@code gbt}
 * @param constraint the fairness objective trained under ({@code DP}, {@code EP}, {@code EO}, {@code TPR},
 *     {@code FPR}, or {@code NONE} for the unconstrained baseline)
 * @param intersectional whether the objective ranged over intersectional cells rather than attributes
 * @param ensemble every learner trained, {@code theta} the chosen number
 * @param encoding platform-ml's tabular encoding of the training table, as JSON
 * @param schema the label and protected columns
 * @param selectedOn where the candidates were measured, e.g. {@code training set (32,561 rows)}
 * @param candidates every prefix's objectives on that set
 * @param selection the current choice of θ
 * @param minSupport the smallest intersectional cell measured
 * @param dataset the catalog id of the training dataset
 */
public record FairModel(int formatVersion, String variant, String constraint, boolean intersectional,
    Ensemble ensemble, JsonNode encoding, FairSchema schema, String selectedOn, CandidateTable candidates,
    Selection selection, int minSupport, String dataset) {

  public static final int FORMAT = 1;

  /** The same model predicting with another choice of θ. */
  public FairModel reselected(Selection s) {
    return new FairModel(formatVersion, variant, constraint, intersectional, ensemble.withTheta(s.theta()), encoding,
        schema, selectedOn, candidates, s, minSupport, dataset);
  }

  /** e.g. {@code MMM-Fair (AdaBoost), EO, intersectional}. */
  public String methodName() {
    String base = "NONE".equals(constraint)
        ? ("adaboost".equals(variant) ? "AdaBoost (unconstrained)" : "gradient boosting (unconstrained)")
        : "MMM-Fair (" + ("adaboost".equals(variant) ? "AdaBoost" : "gradient boosting") + "), " + constraint;
    return intersectional ? base + ", intersectional" : base;
  }

  public List<String> protectedColumns() {
    return schema.protectedColumns();
  }
}
