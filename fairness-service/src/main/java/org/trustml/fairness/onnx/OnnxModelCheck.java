package org.trustml.fairness.onnx;

import java.util.Map;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Tree;

/**
 * Verifies an export before it is registered: runs the model with ONNX Runtime on a batch and compares labels,
 * scores and probabilities with the ensemble's own {@link Ensemble#scores}/{@link Ensemble#predict}.
 */
public final class OnnxModelCheck {

  /** Relative score tolerance that float accumulation in ONNX Runtime stays well inside. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  private OnnxModelCheck() {
  }

  /** Loads {@code model}, compares it with {@code ensemble} on a row-major batch, and closes the session. */
  public static OnnxAgreement check(Ensemble ensemble, byte[] model, float[] rows) {
    try (OnnxPredictor predictor = new OnnxPredictor(model)) {
      return check(ensemble, predictor, rows);
    }
  }

  /** Compares an open model with {@code ensemble} on a row-major batch. */
  public static OnnxAgreement check(Ensemble ensemble, OnnxPredictor predictor, float[] rows) {
    boolean metadataMatches = metadataMatches(ensemble, predictor.metadata())
        && predictor.featureCount() == ensemble.featureNames().size();
    if (!metadataMatches) {
      // rows sized for the ensemble may not fit the model; the mismatch alone fails the check
      return new OnnxAgreement(0, 0, -1, Double.NaN, scoreScale(ensemble), Double.NaN, false);
    }
    OnnxPrediction onnx = predictor.predict(rows);
    double[] scores = ensemble.scores(rows);
    int agreeing = 0;
    int firstDisagreement = -1;
    double maxScore = 0;
    double maxProbability = 0;
    for (int i = 0; i < scores.length; i++) {
      int label = scores[i] > 0 ? 1 : 0;
      if (label == onnx.labels()[i]) {
        agreeing++;
      } else if (firstDisagreement < 0) {
        firstDisagreement = i;
      }
      maxScore = Math.max(maxScore, Math.abs(onnx.scores()[i] - scores[i]));
      maxProbability = Math.max(maxProbability,
          Math.abs(onnx.probabilities()[i] - ensemble.probability(scores[i])));
    }
    return new OnnxAgreement(scores.length, agreeing, firstDisagreement, maxScore, scoreScale(ensemble),
        maxProbability, true);
  }

  static boolean metadataMatches(Ensemble ensemble, Map<String, String> metadata) {
    return ensemble.kind().name().equals(metadata.get(OnnxExport.KIND_KEY))
        && Integer.toString(ensemble.theta()).equals(metadata.get(OnnxExport.THETA_KEY))
        && OnnxExport.jsonArray(ensemble.featureNames()).equals(metadata.get(OnnxExport.FEATURES_KEY));
  }

  static double scoreScale(Ensemble ensemble) {
    double scale = Math.abs(ensemble.base());
    for (int t = 0; t < ensemble.theta(); t++) {
      Tree tree = ensemble.trees().get(t);
      double largest = 0;
      for (int i = 0; i < tree.nodes(); i++) {
        if (tree.feature()[i] < 0) {
          largest = Math.max(largest, Math.abs(TreeEnsembleNodes.contribution(ensemble, t, tree.value()[i])));
        }
      }
      scale += largest;
    }
    return scale;
  }
}
