package org.trustml.fairness.model;

/**
 * The learner a training job asks for; unset values take the design note's defaults for the variant.
 *
 * @param variant {@code adaboost} or {@code gbt}
 * @param constraint {@code DP}, {@code EP}, {@code EO}, {@code TPR}, {@code FPR} or {@code NONE}
 * @param rounds learners to train (AdaBoost default 500, GBT 100)
 * @param learningRate AdaBoost 1, GBT 0.1
 * @param gamma AdaBoost's mix of the fairness-weighted error (EP and DP), default 0.25
 * @param alpha GBT's weight of the fairness gradient, default 0.1
 * @param beta GBT's smooth-max sharpness over attributes or cells, default 10
 * @param depth tree depth, default 5
 * @param minLeaf fewest rows per leaf, default 1 (AdaBoost) or 20 (GBT)
 * @param bins histogram bins per feature, default 255
 * @param intersectional whether the fairness objective ranges over intersectional cells
 * @param minSupport fewest rows for a cell to count, default 30
 */
public record BoostingSpec(String variant, String constraint, Integer rounds, Double learningRate, Double gamma,
    Double alpha, Double beta, Integer depth, Integer minLeaf, Integer bins, boolean intersectional,
    Integer minSupport) {

  public boolean isAdaBoost() {
    return !"gbt".equals(variant);
  }

  public int minSupportOrDefault() {
    return minSupport == null ? 30 : minSupport;
  }
}
