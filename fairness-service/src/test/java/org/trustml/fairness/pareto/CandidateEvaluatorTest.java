package org.trustml.fairness.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Tree;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.metrics.Criterion;
import org.trustml.fairness.metrics.FairnessMetrics;
import org.trustml.fairness.metrics.FairnessReport;
import org.trustml.fairness.metrics.MetricsOptions;
import org.trustml.fairness.metrics.Predictions;
import org.trustml.fairness.metrics.ProtectedAttributes;

/** Every prefix's objectives against the metrics package (itself checked against Fairlearn's definitions). */
class CandidateEvaluatorTest {

  private static final String[] RACE = {"A", "B", "C"};
  private static final String[] SEX = {"F", "M"};

  @Test
  void everyPrefixMatchesTheMetricsOfItsPredictions() {
    Random r = new Random(3);
    int n = 600;
    int d = 3;
    float[] x = new float[n * d];
    int[] y = new int[n];
    int[] race = new int[n];
    int[] sex = new int[n];
    int[] cells = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) r.nextGaussian();
      }
      race[i] = r.nextInt(10) < 1 ? 2 : r.nextInt(2); // cell C x F is small, so some cells fall below support
      sex[i] = r.nextInt(2);
      y[i] = x[i * d] + 0.5 * sex[i] + 0.3 * r.nextGaussian() > 0.2 ? 1 : 0;
      cells[i] = race[i] * 2 + sex[i];
    }
    boolean[] raceNp = new boolean[n];
    boolean[] sexNp = new boolean[n];
    for (int i = 0; i < n; i++) {
      raceNp[i] = race[i] == 0;
      sexNp[i] = sex[i] == 1;
    }
    List<String> cellNames = new ArrayList<>();
    for (String a : RACE) {
      for (String s : SEX) {
        cellNames.add(a + "|" + s);
      }
    }
    FairProblem data = new FairProblem(List.of("x0", "x1", "x2"), x, y, List.of(
        new FairProblem.Attribute("race", List.of(RACE), race, raceNp),
        new FairProblem.Attribute("sex", List.of(SEX), sex, sexNp)), cells, cellNames);
    List<Tree> trees = new ArrayList<>();
    double[] alphas = new double[5];
    for (int t = 0; t < 5; t++) {
      trees.add(stump(t % d, (float) (r.nextGaussian() * 0.5), r.nextBoolean()));
      alphas[t] = 0.2 + r.nextDouble();
    }
    Ensemble ensemble = new Ensemble(Ensemble.Kind.ADABOOST, data.featureNames(), trees, alphas, 0, 5);
    int minSupport = 40;
    CandidateTable table = CandidateEvaluator.evaluate(ensemble, data, FairnessObjective.EO, true, minSupport);

    for (int theta = 1; theta <= 5; theta++) {
      int[] pred = ensemble.withTheta(theta).predict(x);
      Map<String, String[]> columns = new LinkedHashMap<>();
      columns.put("race", names(race, RACE));
      columns.put("sex", names(sex, SEX));
      FairnessReport report = new FairnessMetrics(MetricsOptions.defaults().withMinSupport(minSupport)
          .withBootstrap(0, 0.95, 1)).evaluate(Predictions.of(y, pred), ProtectedAttributes.of(columns));
      int c = theta - 1;
      assertThat(table.value(c, "error")).isCloseTo(1 - report.overall().accuracy(), within(1e-12));
      assertThat(table.value(c, "dp:cells")).isCloseTo(report.intersectional()
          .gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().value(), within(1e-12));
      assertThat(table.value(c, "eo:cells")).isCloseTo(report.intersectional()
          .gaps(Criterion.EQUALIZED_ODDS_WORST_CASE).differenceBetweenGroups().value(), within(1e-12));
      assertThat(table.value(c, "fairness")).isEqualTo(table.value(c, "eo:cells"));
      // the binary view of sex is the marginal view of a binary attribute: same TPR and FPR gaps
      assertThat(table.value(c, "eo:sex")).isCloseTo(report.marginal("sex")
          .gaps(Criterion.EQUALIZED_ODDS_WORST_CASE).differenceBetweenGroups().value(), within(1e-9));
      assertThat(table.value(c, "mmm")).isEqualTo(
          Math.max(table.value(c, "eo:sex"), table.value(c, "eo:race")));
    }
  }

  private static Tree stump(int feature, float threshold, boolean leftIsPositive) {
    return new Tree(new int[] {feature, -1, -1}, new float[] {threshold, 0, 0}, new int[] {1, -1, -1},
        new int[] {2, -1, -1}, new double[] {0.5, leftIsPositive ? 0.9 : 0.1, leftIsPositive ? 0.1 : 0.9});
  }

  private static String[] names(int[] codes, String[] values) {
    String[] out = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = values[codes[i]];
    }
    return out;
  }
}
