package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics against closed forms on generated and constructed data. */
class ClosedFormTest {

  @Test
  void aPredictorEqualToTheLabelHasNoErrorGap() {
    Generated d = Generated.of(3000, 0.4, 1);
    Predictions p = Predictions.of(d.y, d.y.clone());
    FairnessReport r = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(100, .95, 7))
        .evaluate(p, d.attributes());
    List<GroupMetrics> all = new ArrayList<>(r.intersectional().frame().groups());
    r.marginal().forEach(m -> all.addAll(m.frame().groups()));
    assertThat(all).hasSize(6 + 3 + 2).allSatisfy(g -> {
      assertThat(g.supported()).isTrue();
      assertThat(g.tpr()).isEqualTo(1.0);
      assertThat(g.fpr()).isEqualTo(0.0);
      assertThat(g.tnr()).isEqualTo(1.0);
      assertThat(g.precision()).isEqualTo(1.0);
      assertThat(g.accuracy()).isEqualTo(1.0);
      assertThat(g.balancedAccuracy()).isEqualTo(1.0);
    });
    List<CriterionGaps> views = new ArrayList<>(r.intersectional().disparities());
    r.marginal().forEach(m -> views.addAll(m.disparities()));
    for (CriterionGaps c : views) {
      if (c.criterion().equals(Criterion.DEMOGRAPHIC_PARITY.id())) {
        continue; // selection follows the labels' base rates, which differ by chance
      }
      assertThat(c.differenceBetweenGroups().value()).as(c.criterion()).isZero();
      assertThat(c.differenceToOverall().value()).as(c.criterion()).isZero();
      assertThat(c.differenceBetweenGroups().ci().lower()).isZero();
      assertThat(c.differenceBetweenGroups().ci().upper()).isZero();
    }
    // the TPR ratio is 1; the FPR ratio is 0/0, so equalized odds' ratio is undefined and says so
    CriterionGaps eo = r.marginal("race").gaps(Criterion.EQUAL_OPPORTUNITY);
    assertThat(eo.ratioBetweenGroups().value()).isEqualTo(1.0);
    Gap eoRatio = r.marginal("race").gaps(Criterion.EQUALIZED_ODDS_WORST_CASE).ratioBetweenGroups();
    assertThat(eoRatio.value()).isNaN();
    assertThat(eoRatio.flags()).contains(Gap.FLAG_UNDEFINED);
    assertThat(r.mmm().value()).isZero();
    assertThat(r.additive().criterion(Criterion.EQUALIZED_ODDS_WORST_CASE).sum()).isZero();
    assertThat(r.intersectional().excess()).filteredOn(e -> e.metric().equals("tpr"))
        .allSatisfy(e -> assertThat(e.excess()).isZero());
  }

  @Test
  void aRandomPredictorIndependentOfGroupsHasNoParityGap() {
    Generated d = Generated.of(20_000, 0.3, 2);
    Predictions p = Predictions.of(d.y, d.randomPredictions(0.4, 3));
    FairnessMetrics metrics = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(200, .95, 11)
        .withNonProtected(Map.of("sex", "M")));
    FairnessReport r = metrics.evaluate(p, d.attributes());
    for (String attribute : List.of("race", "sex")) {
      Gap dp = r.marginal(attribute).gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
      assertThat(dp.value()).as(attribute).isLessThan(0.03);
      // max − min is ≥ 0 and biased upwards, so its interval lies above 0; it must still be close to it
      assertThat(dp.ci().lower()).isGreaterThanOrEqualTo(0.0).isLessThan(dp.value());
      assertThat(dp.ci().upper()).isLessThan(0.05);
      Gap ratio = r.marginal(attribute).gaps(Criterion.DEMOGRAPHIC_PARITY).ratioBetweenGroups();
      assertThat(ratio.value()).isGreaterThan(0.93);
    }
    // the signed difference non-protected − protected is how "no gap" is tested: its interval covers 0
    MmmTerm sex = r.mmm().terms().get(1);
    assertThat(sex.convention()).isEqualTo(MmmTerm.NON_PROTECTED_MINUS_PROTECTED);
    assertThat(sex.dPprCi().covers(0.0)).as("%s", sex.dPprCi()).isTrue();
    assertThat(sex.dTprCi().covers(0.0)).as("%s", sex.dTprCi()).isTrue();
    assertThat(sex.dTnrCi().covers(0.0)).as("%s", sex.dTnrCi()).isTrue();
    // a predictor independent of y has TPR = FPR = selection rate in expectation
    assertThat(r.overall().tpr()).isCloseTo(0.4, within(0.02));
    assertThat(r.overall().fpr()).isCloseTo(0.4, within(0.02));
    assertThat(r.overall().balancedAccuracy()).isCloseTo(0.5, within(0.02));
  }

  @Test
  void constructedSelectionRatesGiveFairlearnsClosedForms() {
    // A: 100 rows, 30 selected; B: 200 rows, 100 selected; overall 130/300
    int n = 300;
    int[] y = new int[n];
    int[] yHat = new int[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      g[i] = i < 100 ? "A" : "B";
      yHat[i] = i < 30 || (i >= 100 && i < 200) ? 1 : 0;
      y[i] = i % 3 == 0 ? 1 : 0;
    }
    MarginalView v = new FairnessMetrics(Fixtures.plain()).marginal(Predictions.of(y, yHat),
        ProtectedAttributes.of("g", g), "g");
    CriterionGaps dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY);
    double overall = 130.0 / 300;
    assertThat(dp.differenceBetweenGroups().value()).isCloseTo(0.5 - 0.3, within(1e-12));
    assertThat(dp.differenceToOverall().value()).isCloseTo(overall - 0.3, within(1e-12));
    assertThat(dp.ratioBetweenGroups().value()).isCloseTo(0.3 / 0.5, within(1e-12));
    assertThat(dp.ratioToOverall().value()).isCloseTo(0.3 / overall, within(1e-12));
    assertThat(dp.ratioToOverall().groups()).containsExactly("A");
  }

  @Test
  void additiveViewIsMaxAndSumOfMarginalGaps() {
    Generated d = Generated.of(4000, 0.5, 5);
    int[] yHat = d.randomPredictions(0.5, 6);
    for (int i = 0; i < yHat.length; i++) { // race c and sex F are selected less, independently
      if (d.race[i].equals("c") && i % 5 == 0) {
        yHat[i] = 0;
      }
      if (d.sex[i].equals("F") && i % 3 == 0) {
        yHat[i] = 0;
      }
    }
    FairnessReport r = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(100, .9, 3))
        .evaluate(Predictions.of(d.y, yHat), d.attributes());
    for (Criterion c : Criterion.values()) {
      double race = r.marginal("race").gaps(c).differenceBetweenGroups().value();
      double sex = r.marginal("sex").gaps(c).differenceBetweenGroups().value();
      AdditiveCriterion a = r.additive().criterion(c);
      assertThat(a.byAttribute()).containsEntry("race", race).containsEntry("sex", sex);
      assertThat(a.max()).isEqualTo(Math.max(race, sex));
      assertThat(a.sum()).isEqualTo(race + sex);
      assertThat(a.drivingAttribute()).isEqualTo(race >= sex ? "race" : "sex");
      assertThat(a.maxCi().lower()).isLessThanOrEqualTo(a.maxCi().upper());
      assertThat(a.sumCi().lower()).isLessThanOrEqualTo(a.sumCi().upper());
    }
    assertThat(r.additive().criterion(Criterion.DEMOGRAPHIC_PARITY).drivingAttribute()).isEqualTo("sex");
  }

  @Test
  void mmmIsTheLargestTprOrTnrGapOverAttributes() {
    Generated d = Generated.of(5000, 0.4, 8);
    int[] yHat = d.randomPredictions(0.5, 9);
    for (int i = 0; i < yHat.length; i++) { // a-rows lose true positives, M-rows gain false positives
      if (d.race[i].equals("a") && d.y[i] == 1 && i % 2 == 0) {
        yHat[i] = 0;
      }
      if (d.sex[i].equals("M") && d.y[i] == 0 && i % 4 == 0) {
        yHat[i] = 1;
      }
    }
    Predictions p = Predictions.of(d.y, yHat);
    ProtectedAttributes a = d.attributes();
    MetricsOptions options = Fixtures.plain().withNonProtected(Map.of("sex", "M"));
    Mmm mmm = new FairnessMetrics(options).mmm(p, a);
    // oracle from the frames: race (multi-valued) max − min; sex binary, M − F, signed
    MetricFrame race = MetricFrame.of(Grouping.byAttribute(a, "race"), p, 1);
    MetricFrame sex = MetricFrame.of(Grouping.byAttribute(a, "sex"), p, 1);
    double raceTpr = spread(race, Metric.TPR);
    double raceTnr = spread(race, Metric.TNR);
    double sexTpr = sex.group("M").tpr() - sex.group("F").tpr();
    double sexTnr = sex.group("M").tnr() - sex.group("F").tnr();
    double sexPpr = sex.group("M").selectionRate() - sex.group("F").selectionRate();
    MmmTerm raceTerm = mmm.terms().get(0);
    MmmTerm sexTerm = mmm.terms().get(1);
    assertThat(raceTerm.convention()).isEqualTo(MmmTerm.MAX_MINUS_MIN);
    assertThat(raceTerm.dTpr()).isCloseTo(raceTpr, within(1e-12));
    assertThat(raceTerm.dTnr()).isCloseTo(raceTnr, within(1e-12));
    assertThat(sexTerm.nonProtectedValue()).isEqualTo("M");
    assertThat(sexTerm.dTpr()).isCloseTo(sexTpr, within(1e-12));
    assertThat(sexTerm.dTnr()).isCloseTo(sexTnr, within(1e-12)).isNegative(); // M has more false positives
    assertThat(sexTerm.dPpr()).isCloseTo(sexPpr, within(1e-12)).isPositive();
    double expected = Math.max(Math.max(Math.abs(raceTpr), Math.abs(raceTnr)),
        Math.max(Math.abs(sexTpr), Math.abs(sexTnr)));
    assertThat(mmm.value()).isCloseTo(expected, within(1e-12));
    assertThat(mmm.drivingAttribute()).isEqualTo(Math.max(raceTpr, raceTnr) >= Math.max(Math.abs(sexTpr),
        Math.abs(sexTnr)) ? "race" : "sex");
    assertThat(mmm.ci()).isNull(); // bootstrap off
  }

  @Test
  void mmmBinaryConventionOnAHandCase() {
    // non-protected M: TP 3 FN 1 TN 4 FP 0 → TPR .75, TNR 1; protected F: TP 1 FN 1 TN 2 FP 2 → TPR .5, TNR .5
    int[] y = Fixtures.bits("11110000" + "110000");
    int[] yHat = Fixtures.bits("11100000" + "100011");
    String[] sex = Fixtures.chars("MMMMMMMM" + "FFFFFF");
    Mmm mmm = new FairnessMetrics(Fixtures.plain().withNonProtected(Map.of("sex", "M")))
        .mmm(Predictions.of(y, yHat), ProtectedAttributes.of("sex", sex));
    MmmTerm t = mmm.terms().get(0);
    assertThat(t.dTpr()).isCloseTo(0.25, within(1e-12));
    assertThat(t.dTnr()).isCloseTo(0.5, within(1e-12));
    assertThat(t.dPpr()).isCloseTo(3.0 / 8 - 3.0 / 6, within(1e-12));
    assertThat(t.violation()).isCloseTo(0.5, within(1e-12));
    assertThat(mmm.value()).isCloseTo(0.5, within(1e-12));
    // naming the other value flips the signs, not the violation
    Mmm flipped = new FairnessMetrics(Fixtures.plain().withNonProtected(Map.of("sex", "F")))
        .mmm(Predictions.of(y, yHat), ProtectedAttributes.of("sex", sex));
    assertThat(flipped.terms().get(0).dTpr()).isCloseTo(-0.25, within(1e-12));
    assertThat(flipped.value()).isCloseTo(0.5, within(1e-12));
  }

  private static double spread(MetricFrame f, Metric m) {
    double[] v = f.groups().stream().mapToDouble(g -> g.value(m)).toArray();
    return Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow();
  }
}
