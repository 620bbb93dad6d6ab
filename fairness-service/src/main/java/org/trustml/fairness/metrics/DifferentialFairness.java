package org.trustml.fairness.metrics;

import java.util.List;

/**
 * ε-differential fairness (Foulds, Islam, Keya and Pan, 2020) over the qualifying intersectional cells:
 * ε = max over outcomes y ∈ {0, 1} and cells g, h of |log P(ŷ = y | g) − log P(ŷ = y | h)|, each probability
 * smoothed with a symmetric Dirichlet prior: (N_{g,y} + α) / (N_g + 2α).
 *
 * @param alpha           the prior's concentration (1 by default: Laplace smoothing)
 * @param epsilon         over both outcomes (Foulds et al.'s definition)
 * @param epsilonPositive over ŷ = 1 only (the design note's formula)
 * @param outcome         the outcome that attains {@code epsilon}: "1" or "0"
 * @param groups          the cells that attain {@code epsilon}: [highest, lowest probability of that outcome]
 */
public record DifferentialFairness(double alpha, double epsilon, double epsilonPositive, String outcome,
    List<String> groups, ConfidenceInterval ci, ConfidenceInterval ciPositive, List<String> excludedGroups,
    List<String> flags) {

  public DifferentialFairness {
    groups = List.copyOf(groups);
    excludedGroups = List.copyOf(excludedGroups);
    flags = List.copyOf(flags);
  }
}
