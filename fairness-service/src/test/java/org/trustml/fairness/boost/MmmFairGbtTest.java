package org.trustml.fairness.boost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.FairProblem;

class MmmFairGbtTest {

  private static final FairProblem BIASED = Synthetic.biased(3000, 42);

  private static GbtParams params(Constraint c, double alpha) {
    return new GbtParams(c, 60, 0.2, alpha, 10, new TreeParams(3, 5, 1), 255, false, 30);
  }

  private static double logLoss(Ensemble e, FairProblem p) {
    double[] s = e.scores(p.features());
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      double q = 1 / (1 + Math.exp(-s[i]));
      sum -= p.labels()[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return sum / s.length;
  }

  @Test
  void plainGbdtStartsAtThePriorAndLowersTheLogLoss() {
    BoostingResult result = new MmmFairGbt(params(Constraint.NONE, 0)).fit(BIASED, BoostingListener.NONE);
    Ensemble e = result.ensemble();
    double positives = java.util.Arrays.stream(BIASED.labels()).sum() / (double) BIASED.rows();
    assertEquals(Math.log(positives / (1 - positives)), e.base(), 1e-12);
    double previous = Double.POSITIVE_INFINITY;
    for (int t = 0; t < 60; t += 10) {
      double loss = logLoss(e.withTheta(t + 1), BIASED);
      assertTrue(loss < previous, "log loss should fall, theta " + (t + 1));
      previous = loss;
    }
    assertTrue(result.trace().objectives()[59][0] < 0.2);
    assertEquals(0.1, e.weights()[0] * 0.5, 1e-12, "the learning rate is the tree weight");
  }

  @Test
  void fairnessGradientLowersTheViolation() {
    // EO is left out: on this data's label noise its TPR and TNR terms pull the protected scores both ways
    for (Constraint c : List.of(Constraint.DP, Constraint.EP, Constraint.FPR)) {
      BoostingResult plain = new MmmFairGbt(params(c, 0)).fit(BIASED, BoostingListener.NONE);
      BoostingResult fair = new MmmFairGbt(params(c, 0.3)).fit(BIASED, BoostingListener.NONE);
      double[] p = plain.trace().objectives()[59];
      double[] f = fair.trace().objectives()[59];
      System.out.printf("GBT %s plain error %.4f viol %.4f; fair error %.4f viol %.4f%n", c, p[0], p[2], f[0],
          f[2]);
      assertTrue(f[2] < 0.7 * p[2], c + ": the violation should drop");
      assertTrue(f[0] < p[0] + 0.02, c + ": accuracy should stay close");
    }
  }

  @Test
  void ensemblePredictionAtThetaEqualsTheStagedPrediction() {
    for (boolean intersectional : new boolean[] {false, true}) {
      BoostingResult result = new MmmFairGbt(params(Constraint.EO, 0.5).withIntersectional(intersectional))
          .fit(BIASED, BoostingListener.NONE);
      Ensemble e = result.ensemble();
      int[][] staged = StagedScores.classes(e, BIASED.features());
      for (int t = 0; t < e.trees().size(); t++) {
        int[] pred = e.withTheta(t + 1).predict(BIASED.features());
        assertArrayEquals(pred, staged[t]);
        assertEquals(Synthetic.error(BIASED.labels(), pred), result.trace().objectives()[t][0], 1e-12,
            "training-time prediction at theta " + (t + 1));
      }
      BoostingTrace again = StagedScores.trace(e, BIASED, Constraint.EO,
          StageEvaluator.ImbalanceObjective.ONE_MINUS_BALANCED_ACCURACY, 30);
      for (int t = 0; t < again.stages(); t++) {
        assertArrayEquals(result.trace().objectives()[t], again.objectives()[t], 1e-12);
        assertArrayEquals(result.trace().attributeViolations()[t], again.attributeViolations()[t], 1e-12);
      }
    }
  }

  @Test
  void intersectionalGroupingsAreTheSupportedCellsAgainstTheRest() {
    GbtParams p = new GbtParams(Constraint.DP, 5, 0.1, 0.1, 10, TreeParams.DEFAULT, 255, true, 30);
    List<boolean[]> groupings = new MmmFairGbt(p).groupings(BIASED);
    assertEquals(6, groupings.size());
    for (boolean[] rest : groupings) {
      int inCell = 0;
      for (boolean b : rest) {
        inCell += b ? 0 : 1;
      }
      assertTrue(inCell >= 30);
    }
    GbtParams strict = new GbtParams(Constraint.DP, 5, 0.1, 0.1, 10, TreeParams.DEFAULT, 255, true, 100_000);
    assertEquals(0, new MmmFairGbt(strict).groupings(BIASED).size());
  }

  @Test
  void intersectionalPenaltyLowersTheWorstCellGap() {
    GbtParams plainParams = params(Constraint.DP, 0);
    BoostingTrace plain = new MmmFairGbt(plainParams).fit(BIASED, BoostingListener.NONE).trace();
    BoostingTrace cells = new MmmFairGbt(params(Constraint.DP, 0.3).withIntersectional(true))
        .fit(BIASED, BoostingListener.NONE).trace();
    System.out.printf("GBT DP worst cell: plain %.4f intersectional %.4f%n", plain.worstCellViolations()[59],
        cells.worstCellViolations()[59]);
    assertTrue(cells.worstCellViolations()[59] < plain.worstCellViolations()[59]);
  }

  @Test
  void parametersAreValidatedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GbtParams(Constraint.EO, 10, 0.1, -1, 10, TreeParams.DEFAULT, 255, false, 30));
    assertTrue(e.getMessage().contains("alphaFair"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new GbtParams(Constraint.EO, 10, 0.1, 0.1, 0, TreeParams.DEFAULT, 255, false, 30));
    assertTrue(e.getMessage().contains("beta"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new GbtParams(Constraint.EO, 10, 1.5, 0.1, 10, TreeParams.DEFAULT, 255, false, 30));
    assertTrue(e.getMessage().contains("learningRate"));
    e = assertThrows(IllegalArgumentException.class,
        () -> new GbtParams(Constraint.EO, 0, 0.1, 0.1, 10, TreeParams.DEFAULT, 255, false, 30));
    assertTrue(e.getMessage().contains("iterations"));
    e = assertThrows(IllegalArgumentException.class, () -> new TreeParams(3, 1, -1));
    assertTrue(e.getMessage().contains("lambda"));
  }
}
