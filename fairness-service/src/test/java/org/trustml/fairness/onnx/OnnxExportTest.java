package org.trustml.fairness.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Ensemble.Kind;
import org.trustml.fairness.boost.Tree;

class OnnxExportTest {

  private static final double TOLERANCE = OnnxModelCheck.DEFAULT_TOLERANCE;

  /** x[f] <= t → left leaf, else right leaf. */
  private static Tree stump(int feature, float threshold, double leftValue, double rightValue) {
    return new Tree(new int[] {feature, -1, -1}, new float[] {threshold, 0, 0}, new int[] {1, 0, 0},
        new int[] {2, 0, 0}, new double[] {0, leftValue, rightValue});
  }

  @Test
  void adaBoostStumpsVoteWithAlphaAndSendRowsOnTheThresholdLeft() {
    Ensemble ensemble = new Ensemble(Kind.ADABOOST, List.of("a", "b"),
        List.of(stump(0, 0.5f, 0.9, 0.2), stump(1, -1f, 0.3, 0.7)), new double[] {0.8, 0.5}, 0, 2);
    float above = Math.nextUp(0.5f);
    float[] rows = {0.5f, -1f, above, -1f, 0.5f, 3f, above, 3f};

    try (OnnxPredictor predictor = new OnnxPredictor(OnnxExport.toOnnx(ensemble))) {
      OnnxPrediction p = predictor.predict(rows);
      // votes: +0.8 −0.5, −0.8 −0.5, +0.8 +0.5, −0.8 +0.5 out of Σα = 1.3
      assertArrayEquals(new float[] {0.3f, -1.3f, 1.3f, -0.3f}, p.scores(), 1e-6f);
      assertArrayEquals(new int[] {1, 0, 1, 0}, p.labels());
      assertArrayEquals(new float[] {(float) (0.5 * (1 + 0.3 / 1.3)), 0f, 1f, (float) (0.5 * (1 - 0.3 / 1.3))},
          p.probabilities(), 1e-6f);
      assertArrayEquals(ensemble.predict(rows), p.labels());
    }
  }

  @Test
  void gbtAddsBaseAndShrunkLeafValuesAndAppliesTheSigmoid() {
    Tree deep = new Tree(new int[] {1, 0, -1, -1, -1}, new float[] {2f, -0.25f, 0, 0, 0},
        new int[] {1, 2, 0, 0, 0}, new int[] {4, 3, 0, 0, 0}, new double[] {0, 0, 1.5, -0.5, -2});
    Tree single = new Tree(new int[] {-1}, new float[] {0}, new int[] {0}, new int[] {0}, new double[] {0.25});
    Ensemble ensemble = new Ensemble(Kind.GBT, List.of("a", "b"), List.of(deep, single),
        new double[] {0.5, 0.1}, -0.2, 2);
    float[] rows = {-0.25f, 2f, 0f, 2f, 7f, 2.0000002f};

    try (OnnxPredictor predictor = new OnnxPredictor(OnnxExport.toOnnx(ensemble))) {
      OnnxPrediction p = predictor.predict(rows);
      double[] expected = {-0.2 + 0.75 + 0.025, -0.2 - 0.25 + 0.025, -0.2 - 1 + 0.025};
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i], p.scores()[i], 1e-6);
        assertEquals(1 / (1 + Math.exp(-expected[i])), p.probabilities()[i], 1e-6);
      }
      assertArrayEquals(new int[] {1, 0, 0}, p.labels());
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void randomEnsemblesOfTwoHundredTreesAgreeOnEveryRow(Kind kind) {
    RandomEnsembles random = new RandomEnsembles(kind.ordinal() + 17L, 8);
    Ensemble ensemble = random.ensemble(kind, 200, 5, 200);
    float[] rows = random.rows(2_000);

    OnnxAgreement agreement = OnnxModelCheck.check(ensemble, OnnxExport.toOnnx(ensemble), rows);

    assertEquals(2_000, agreement.rows());
    assertEquals(agreement.rows(), agreement.agreeing(), () -> "first disagreement " + agreement);
    assertTrue(agreement.relativeScoreDifference() <= TOLERANCE, agreement::toString);
    assertTrue(agreement.maxProbabilityDifference() <= 1e-5, agreement::toString);
    assertTrue(agreement.agrees(TOLERANCE));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void thetaBelowTheTreeCountExportsOnlyTheFirstThetaTrees(Kind kind) throws OrtException {
    RandomEnsembles random = new RandomEnsembles(kind.ordinal() + 99L, 5);
    Ensemble all = random.ensemble(kind, 60, 4, 60);
    Ensemble first = all.withTheta(23);
    float[] rows = random.rows(500);

    byte[] model = OnnxExport.toOnnx(first);
    assertTrue(model.length < OnnxExport.toOnnx(all).length / 2);
    OnnxAgreement agreement = OnnxModelCheck.check(first, model, rows);
    assertTrue(agreement.agrees(TOLERANCE), agreement::toString);

    // the 23-tree model differs from the 60-tree ensemble somewhere, so it really dropped trees
    double[] full = all.scores(rows);
    try (OnnxPredictor predictor = new OnnxPredictor(model)) {
      float[] scores = predictor.predict(rows).scores();
      double largest = 0;
      for (int i = 0; i < full.length; i++) {
        largest = Math.max(largest, Math.abs(full[i] - scores[i]));
      }
      assertTrue(largest > 0.01, "largest gap to the full ensemble " + largest);
    }
  }

  @Test
  void metadataAndDocStringAreReadableThroughOnnxRuntime() throws OrtException {
    Ensemble ensemble = new RandomEnsembles(5, 3).ensemble(Kind.GBT, 10, 3, 7);
    Ensemble renamed = new Ensemble(Kind.GBT, List.of("age", "income \"net\"", "zip\\code"), ensemble.trees(),
        ensemble.weights(), ensemble.base(), 7);

    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(OnnxExport.toOnnx(renamed), new OrtSession.SessionOptions())) {
      OnnxModelMetadata metadata = session.getMetadata();
      assertEquals("GBT", metadata.getCustomMetadata().get(OnnxExport.KIND_KEY));
      assertEquals("7", metadata.getCustomMetadata().get(OnnxExport.THETA_KEY));
      assertEquals("[\"age\",\"income \\\"net\\\"\",\"zip\\\\code\"]",
          metadata.getCustomMetadata().get(OnnxExport.FEATURES_KEY));
      assertEquals("trustml", metadata.getProducerName());
      assertTrue(metadata.getDescription().contains("first 7 of 10 trees"), metadata.getDescription());
      assertEquals(List.of(OnnxExport.SCORE, OnnxExport.LABEL, OnnxExport.PROBABILITY),
          List.copyOf(session.getOutputNames()));
    }
  }

  @Test
  void aTreeThatReadsAMissingFeatureIsRejected() {
    Ensemble ensemble = new Ensemble(Kind.ADABOOST, List.of("a"), List.of(stump(1, 0f, 0.9, 0.1)),
        new double[] {1}, 0, 1);
    assertThrows(IllegalArgumentException.class, () -> OnnxExport.toOnnx(ensemble));
  }
}
