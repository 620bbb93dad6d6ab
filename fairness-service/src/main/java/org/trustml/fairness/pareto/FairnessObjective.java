package org.trustml.fairness.pareto;

/**
 * Which gap a fairness objective measures: the constraint a model was trained under, and the prefix of its columns in
 * a {@link CandidateTable} ({@code dp:sex}, {@code eo:cells} …).
 */
public enum FairnessObjective {
  /** Demographic parity: selection rates. */
  DP("dp"),
  /** Equal opportunity: true-positive rates. */
  EP("ep"),
  /** False-positive-rate parity (equivalently true-negative rates). */
  FPR("fpr"),
  /** Equalized odds: the larger of the TPR and FPR gaps. */
  EO("eo");

  private final String prefix;

  FairnessObjective(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** The objective a training constraint optimises ({@code TPR} is {@code EP}; {@code NONE} is judged on EO). */
  public static FairnessObjective of(String constraint) {
    return switch (constraint) {
      case "DP" -> DP;
      case "EP", "TPR" -> EP;
      case "FPR" -> FPR;
      default -> EO;
    };
  }
}
