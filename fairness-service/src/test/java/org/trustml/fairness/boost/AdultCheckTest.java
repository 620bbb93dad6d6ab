package org.trustml.fairness.boost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.FairProblem;

/** A small run on the first 5,000 rows of UCI Adult; skipped when the dataset bundle is not present. */
class AdultCheckTest {

  private static FairProblem adult() throws Exception {
    Optional<Path> file = AdultData.adultFile();
    Assumptions.assumeTrue(file.isPresent(),
        "UCI Adult not found: set -Dtrustml.datasets.dir to the folder holding adult/adult.data");
    return AdultData.load(file.get(), 5000);
  }

  @Test
  void adaBoostOnAdultIsAccurateAndEoTradesLittleAccuracyForLessViolation() throws Exception {
    FairProblem p = adult();
    assertEquals(5000, p.rows());
    assertTrue(p.width() > 80, "one-hot width " + p.width());
    AdaBoostParams base = AdaBoostParams.defaults(Constraint.NONE).withRounds(50);
    BoostingTrace plain = new MmmFairAdaBoost(base).fit(p, BoostingListener.NONE).trace();
    BoostingTrace fair = new MmmFairAdaBoost(AdaBoostParams.defaults(Constraint.EO).withRounds(50))
        .fit(p, BoostingListener.NONE).trace();
    double[] pl = plain.objectives()[plain.stages() - 1];
    double[] fl = fair.objectives()[fair.stages() - 1];
    System.out.printf("Adult 5k, 50 rounds: SAMME error %.4f MMM %.4f; MMM-Fair EO error %.4f MMM %.4f%n",
        pl[0], pl[2], fl[0], fl[2]);
    assertTrue(pl[0] < 0.16, "plain training error " + pl[0]);
    assertTrue(fl[2] < pl[2], "EO violation should be lower than plain boosting's");
    assertTrue(fl[0] < 0.25, "fair training error " + fl[0]);
  }

  @Test
  void aLongFairRunKeepsEveryLearnerVotingForItsTree() throws Exception {
    // over-boosted rows left out of the fit once made trees worse than chance on all rows; kept with α ≤ 0, they
    // drove the 500-round EO ensemble's training accuracy on Adult to 0.23
    FairProblem p = adult();
    BoostingResult fair = new MmmFairAdaBoost(AdaBoostParams.defaults(Constraint.EO).withRounds(300))
        .fit(p, BoostingListener.NONE);
    BoostingTrace trace = fair.trace();
    double[] last = trace.objectives()[trace.stages() - 1];
    System.out.printf("Adult 5k, EO, %d of 300 rounds: final training error %.4f%n", trace.stages(), last[0]);
    for (double alpha : fair.ensemble().weights()) {
      assertTrue(alpha > 0, "every kept learner has a positive vote, got " + alpha);
    }
    for (int t = 0; t < trace.stages(); t++) {
      assertTrue(trace.objectives()[t][0] < 0.4, "training error at round " + (t + 1) + ": "
          + trace.objectives()[t][0]);
    }
  }

  @Test
  void gbtOnAdultLowersDemographicParityGap() throws Exception {
    FairProblem p = adult();
    BoostingTrace plain = new MmmFairGbt(GbtParams.defaults(Constraint.NONE).withIterations(50))
        .fit(p, BoostingListener.NONE).trace();
    BoostingTrace fair = new MmmFairGbt(GbtParams.defaults(Constraint.DP).withIterations(50).withAlphaFair(0.5))
        .fit(p, BoostingListener.NONE).trace();
    double plainDp = plain.definitionGaps()[49][0];
    double fairDp = fair.definitionGaps()[49][0];
    System.out.printf("Adult 5k GBT: plain error %.4f DP %.4f; fair error %.4f DP %.4f%n",
        plain.objectives()[49][0], plainDp, fair.objectives()[49][0], fairDp);
    assertTrue(plain.objectives()[49][0] < 0.16);
    assertTrue(fairDp < plainDp, "DP gap should drop");
  }
}
