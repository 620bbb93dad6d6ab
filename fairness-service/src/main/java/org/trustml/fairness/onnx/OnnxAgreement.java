package org.trustml.fairness.onnx;

/**
 * How closely an exported model reproduces its ensemble on a batch.
 *
 * @param rows the rows compared
 * @param agreeing rows where ONNX Runtime's label equals {@code Ensemble.predict}'s
 * @param firstDisagreement the first row whose labels differ, or -1
 * @param maxScoreDifference the largest |ONNX score − ensemble score|
 * @param scoreScale |base| + Σ_t max_leaf |contribution of tree t|: the largest score the ensemble can reach and
 *     the scale of float rounding in ONNX Runtime's sum
 * @param maxProbabilityDifference the largest |ONNX probability − ensemble probability|
 * @param metadataMatches whether the model's kind, θ and feature names are the ensemble's
 */
public record OnnxAgreement(int rows, int agreeing, int firstDisagreement, double maxScoreDifference,
    double scoreScale, double maxProbabilityDifference, boolean metadataMatches) {

  /** The largest score difference relative to {@link #scoreScale()} (to 1 for ensembles that small). */
  public double relativeScoreDifference() {
    return maxScoreDifference / Math.max(1, scoreScale);
  }

  /** Every label equal, the metadata right and scores within {@code relativeTolerance}. */
  public boolean agrees(double relativeTolerance) {
    return metadataMatches && agreeing == rows && relativeScoreDifference() <= relativeTolerance;
  }
}
