package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intersectional view: cells, support, gaps invisible per attribute, excess, ε and rich subgroups. */
class IntersectionalTest {

  /**
   * The DeGraffenreid pattern: per attribute nobody is disadvantaged (each race and each sex is selected at 1/2),
   * yet black women are never selected. Cells of 50: (B,F) 0, (B,M) 1, (W,F) 1, (W,M) 0.
   */
  private static Predictions degraffenreid(List<String> race, List<String> sex) {
    String[][] cells = {{"B", "F"}, {"B", "M"}, {"W", "F"}, {"W", "M"}};
    int[] selected = {0, 1, 1, 0};
    List<Integer> y = new ArrayList<>();
    List<Integer> yHat = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 50; i++) {
        race.add(cells[c][0]);
        sex.add(cells[c][1]);
        y.add(i % 2);
        yHat.add(selected[c]);
      }
    }
    return Predictions.of(y.stream().mapToInt(Integer::intValue).toArray(),
        yHat.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void marginalGapsZeroIntersectionalGapOne() {
    List<String> race = new ArrayList<>();
    List<String> sex = new ArrayList<>();
    Predictions p = degraffenreid(race, sex);
    ProtectedAttributes a = Fixtures.attributes("race", race.toArray(String[]::new), "sex",
        sex.toArray(String[]::new));
    FairnessReport r = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(200, .95, 5)).evaluate(p, a);

    for (String attribute : List.of("race", "sex")) {
      assertThat(r.marginal(attribute).gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups().value())
          .isZero();
    }
    assertThat(r.additive().criterion(Criterion.DEMOGRAPHIC_PARITY).max()).isZero();
    assertThat(r.additive().criterion(Criterion.DEMOGRAPHIC_PARITY).sum()).isZero();

    IntersectionalView v = r.intersectional();
    assertThat(v.frame().groups()).extracting(GroupMetrics::group)
        .containsExactly("race=B, sex=F", "race=B, sex=M", "race=W, sex=F", "race=W, sex=M");
    Gap dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(dp.value()).isEqualTo(1.0);
    assertThat(dp.groups()).containsExactly("race=B, sex=M", "race=B, sex=F");
    assertThat(dp.ci().lower()).isEqualTo(1.0); // no resample can change a cell's 0 or 1
    assertThat(v.gaps(Criterion.DEMOGRAPHIC_PARITY).ratioBetweenGroups().value()).isZero();
    // equal opportunity too: black women's positives are all missed
    assertThat(v.gaps(Criterion.EQUAL_OPPORTUNITY).differenceBetweenGroups().value()).isEqualTo(1.0);

    // excess: observed 0 against the additive expectation .5 + (.5 − .5) + (.5 − .5)
    IntersectionalExcess bf = v.excess().stream()
        .filter(e -> e.metric().equals("selection_rate") && e.cell().equals("race=B, sex=F")).findFirst()
        .orElseThrow();
    assertThat(bf.observed()).isZero();
    assertThat(bf.additiveExpectation()).isCloseTo(0.5, within(1e-12));
    assertThat(bf.excess()).isCloseTo(-0.5, within(1e-12));
    assertThat(bf.attributes()).containsEntry("race", "B").containsEntry("sex", "F");

    // ε with α = 1: P(ŷ=1 | selected cell) = 51/52, P(ŷ=1 | other cell) = 1/52, so ε = log 51 (both outcomes)
    DifferentialFairness df = v.differentialFairness();
    assertThat(df.alpha()).isEqualTo(1.0);
    assertThat(df.epsilon()).isCloseTo(Math.log(51), within(1e-12));
    assertThat(df.epsilonPositive()).isCloseTo(Math.log(51), within(1e-12));
    assertThat(df.groups()).containsExactly("race=B, sex=M", "race=B, sex=F");

    // rich subgroup on selection rate: (50/200)·|0 − .5|
    RichSubgroupGap rich = v.richSubgroup().get(0);
    assertThat(rich.metric()).isEqualTo("selection_rate");
    assertThat(rich.value()).isCloseTo(0.125, within(1e-12));
    assertThat(rich.weight()).isCloseTo(0.25, within(1e-12));
    assertThat(rich.deviation()).isCloseTo(0.5, within(1e-12));
    // TPR weighs by the cell's share of all rows that are positives and in the cell: 25/200
    RichSubgroupGap richTpr = v.richSubgroup().get(1);
    assertThat(richTpr.metric()).isEqualTo("tpr");
    assertThat(richTpr.weight()).isCloseTo(25.0 / 200, within(1e-12));
    assertThat(richTpr.value()).isCloseTo(0.125 * 0.5, within(1e-12));
  }

  @Test
  void epsilonWithoutSmoothingAndWithStrongerPrior() {
    // cells of 10: selection 2/10 and 6/10
    int[] y = new int[20];
    int[] yHat = new int[20];
    String[] g = new String[20];
    for (int i = 0; i < 20; i++) {
      g[i] = i < 10 ? "p" : "q";
      yHat[i] = (i < 10 && i < 2) || (i >= 10 && i < 16) ? 1 : 0;
    }
    Predictions p = Predictions.of(y, yHat);
    ProtectedAttributes a = ProtectedAttributes.of("g", g);
    DifferentialFairness raw = new FairnessMetrics(Fixtures.plain().withDirichletAlpha(0))
        .intersectional(p, a, null).differentialFairness();
    double e1 = Math.log(0.6 / 0.2);
    double e0 = Math.log(0.8 / 0.4);
    assertThat(raw.epsilonPositive()).isCloseTo(e1, within(1e-12));
    assertThat(raw.epsilon()).isCloseTo(Math.max(e1, e0), within(1e-12));
    assertThat(raw.outcome()).isEqualTo("1");
    DifferentialFairness smooth = new FairnessMetrics(Fixtures.plain().withDirichletAlpha(2))
        .intersectional(p, a, null).differentialFairness();
    assertThat(smooth.epsilonPositive()).isCloseTo(Math.log((6 + 2) / (2.0 + 2)), within(1e-12));
  }

  @Test
  void cellsBelowSupportAndEmptyCellsAreListedFlaggedAndLeftOut() {
    // race × sex × age: 2 × 2 × 3 = 12 cells; (b, F, old) has no rows, (b, M, old) has 5
    List<String[]> rows = new ArrayList<>();
    String[] races = {"a", "b"};
    String[] sexes = {"F", "M"};
    String[] ages = {"old", "mid", "young"};
    for (String r : races) {
      for (String s : sexes) {
        for (String age : ages) {
          int count = r.equals("b") && age.equals("old") ? (s.equals("F") ? 0 : 5) : 40;
          for (int i = 0; i < count; i++) {
            rows.add(new String[] {r, s, age, String.valueOf(i % 2), String.valueOf(i % 3 == 0 ? 1 : 0)});
          }
        }
      }
    }
    int n = rows.size();
    int[] y = new int[n];
    int[] yHat = new int[n];
    String[][] cols = new String[3][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        cols[j][i] = rows.get(i)[j];
      }
      y[i] = Integer.parseInt(rows.get(i)[3]);
      yHat[i] = Integer.parseInt(rows.get(i)[4]);
    }
    // the five rows of (b, M, old) are all selected: they would make the selection gap 1 − 14/40
    for (int i = 0; i < n; i++) {
      if (cols[0][i].equals("b") && cols[1][i].equals("M") && cols[2][i].equals("old")) {
        yHat[i] = 1;
      }
    }
    ProtectedAttributes a = Fixtures.attributes("race", cols[0], "sex", cols[1], "age", cols[2]);
    FairnessMetrics metrics = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(50, .95, 1));
    IntersectionalView v = metrics.intersectional(Predictions.of(y, yHat), a, null);
    assertThat(v.productSize()).isEqualTo(12);
    assertThat(v.frame().groups()).hasSize(12);
    assertThat(v.emptyCells()).isEqualTo(1);
    assertThat(v.cellsBelowSupport()).isEqualTo(1);
    // the levels are sorted: age mid < old < young
    GroupMetrics empty = v.frame().group("race=b, sex=F, age=old");
    assertThat(empty.n()).isZero();
    assertThat(empty.flags()).containsExactly(GroupMetrics.FLAG_EMPTY, GroupMetrics.FLAG_INSUFFICIENT_SUPPORT);
    GroupMetrics small = v.frame().group("race=b, sex=M, age=old");
    assertThat(small.n()).isEqualTo(5);
    assertThat(small.selectionRate()).isNaN();
    assertThat(small.flags()).containsExactly(GroupMetrics.FLAG_INSUFFICIENT_SUPPORT);
    Gap dp = v.gaps(Criterion.DEMOGRAPHIC_PARITY).differenceBetweenGroups();
    assertThat(dp.value()).isZero(); // every qualifying cell selects 14 of 40
    assertThat(dp.excludedGroups()).containsExactlyInAnyOrder("race=b, sex=F, age=old", "race=b, sex=M, age=old");
    assertThat(dp.flags()).contains(Gap.FLAG_GROUPS_EXCLUDED);
    assertThat(v.excess()).noneMatch(e -> e.cell().contains("age=old") && e.cell().contains("race=b"));
    assertThat(v.differentialFairness().excludedGroups()).hasSize(2);

    // a product larger than the listing limit lists only the cells that have rows
    IntersectionalView compact = new FairnessMetrics(Fixtures.plain().withMaxListedCells(4))
        .intersectional(Predictions.of(y, yHat), a, null);
    assertThat(compact.frame().groups()).hasSize(11);
    assertThat(compact.emptyCells()).isEqualTo(1);

    // a subset of the attributes
    IntersectionalView twoWay = metrics.intersectional(Predictions.of(y, yHat), a, List.of("sex", "race"));
    assertThat(twoWay.frame().groups()).extracting(GroupMetrics::group)
        .containsExactly("sex=F, race=a", "sex=F, race=b", "sex=M, race=a", "sex=M, race=b");
  }
}
