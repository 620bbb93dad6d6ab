package org.trustml.fairness.explain;

import java.util.List;
import java.util.Map;

/**
 * The facts an explanation is made from, all measured: the chosen model and the candidates it is compared with.
 *
 * @param method e.g. {@code MMM-Fair (AdaBoost), equalized odds}
 * @param theta the learners the chosen model uses
 * @param learners the learners trained
 * @param selectionRule how θ was chosen
 * @param evaluatedOn where the numbers come from, e.g. {@code the test set (16,281 rows)}
 * @param chosen the chosen candidate's objectives (error, balancedError, eo:sex …)
 * @param mostAccurate the objectives of the candidate with the least error, and its θ under key {@code theta}
 * @param fairest the objectives of the candidate with the least fairness violation, and its θ under {@code theta}
 * @param fairnessObjective the column that measures the trained fairness objective, e.g. {@code eo:cells}
 * @param undefinedGroups groups too small to measure, named so a reader knows what the numbers leave out
 */
public record TradeOff(String method, int theta, int learners, String selectionRule, String evaluatedOn,
    Map<String, Double> chosen, Map<String, Double> mostAccurate, Map<String, Double> fairest,
    String fairnessObjective, List<String> undefinedGroups) {

  public TradeOff {
    chosen = Map.copyOf(chosen);
    mostAccurate = Map.copyOf(mostAccurate);
    fairest = Map.copyOf(fairest);
    undefinedGroups = List.copyOf(undefinedGroups);
  }
}
