package org.trustml.fairness.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Ensemble.Kind;

class OnnxPredictorTest {

  private final RandomEnsembles random = new RandomEnsembles(3, 4);
  private final Ensemble ensemble = random.ensemble(Kind.ADABOOST, 20, 3, 20);

  @Test
  void readsTheRowWidthFromTheModel() {
    try (OnnxPredictor predictor = new OnnxPredictor(OnnxExport.toOnnx(ensemble))) {
      assertEquals(4, predictor.featureCount());
      assertEquals(0, predictor.predict(new float[0]).rows());
      assertEquals(3, predictor.predict(random.rows(3)).rows());
      assertThrows(IllegalArgumentException.class, () -> predictor.predict(new float[6]));
    }
  }

  @Test
  void bytesThatAreNoModelAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new OnnxPredictor(new byte[] {1, 2, 3}));
  }

  @Test
  void aModelOfAnotherThetaFailsTheCheck() {
    byte[] model = OnnxExport.toOnnx(ensemble.withTheta(5));
    OnnxAgreement agreement = OnnxModelCheck.check(ensemble, model, random.rows(10));
    assertFalse(agreement.metadataMatches());
    assertFalse(agreement.agrees(1));
  }
}
