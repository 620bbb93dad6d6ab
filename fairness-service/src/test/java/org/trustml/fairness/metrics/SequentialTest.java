package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-stage pipeline built so that each stage discriminates on a different ground: screening on sex only,
 * interview (of those screened in) on race only. 400 rows, 100 per sex × race cell.
 */
class SequentialTest {

  private static final int N = 400;
  private final String[] sex = new String[N];
  private final String[] race = new String[N];
  private final int[] y = new int[N];
  private final int[] screen = new int[N];
  private final int[] interview = new int[N];

  SequentialTest() {
    for (int i = 0; i < N; i++) {
      int cell = i / 100;
      int k = i % 100;
      sex[i] = cell < 2 ? "F" : "M";
      race[i] = cell % 2 == 0 ? "R1" : "R2";
      y[i] = k % 2;
      // screening: F 50 of 100, M 80 of 100, in each race
      screen[i] = k < (sex[i].equals("F") ? 50 : 80) ? 1 : 0;
      // interview, among the screened: R1 all pass, R2 half (the first half of those screened)
      int passedBefore = sex[i].equals("F") ? 50 : 80;
      interview[i] = race[i].equals("R1") || k < passedBefore / 2 ? 1 : 0;
      if (screen[i] == 0) {
        interview[i] = 1; // a decision on a row that never reached the stage must not count
      }
    }
  }

  @Test
  void eachStageItsGroundAndTheCompoundedGap() {
    SequentialView v = new FairnessMetrics(MetricsOptions.defaults().withBootstrap(100, .95, 3)).sequential(y,
        List.of(screen, interview), List.of("screen", "interview"),
        Fixtures.attributes("sex", sex, "race", race), Metric.SELECTION_RATE);
    StageView s1 = v.stages().get(0);
    assertThat(s1.name()).isEqualTo("screen");
    assertThat(s1.reached()).isEqualTo(400);
    assertThat(s1.passed()).isEqualTo(260);
    assertThat(s1.gaps().get(0).gap().value()).isCloseTo(0.3, within(1e-12)); // sex .8 − .5
    assertThat(s1.gaps().get(1).gap().value()).isCloseTo(0.0, within(1e-12)); // race .65 − .65
    assertThat(s1.drivingAttribute()).isEqualTo("sex");

    StageView s2 = v.stages().get(1);
    assertThat(s2.reached()).isEqualTo(260);
    assertThat(s2.passed()).isEqualTo(50 + 80 + 25 + 40);
    assertThat(s2.gaps().get(0).byGroup()).containsEntry("F", 0.75).containsEntry("M", 0.75);
    assertThat(s2.gaps().get(0).reachedByGroup()).containsEntry("F", 100L).containsEntry("M", 160L);
    assertThat(s2.gaps().get(1).byGroup()).containsEntry("R1", 1.0).containsEntry("R2", 0.5);
    assertThat(s2.gaps().get(1).gap().value()).isCloseTo(0.5, within(1e-12));
    assertThat(s2.drivingAttribute()).isEqualTo("race");
    assertThat(s2.maxGap()).isCloseTo(0.5, within(1e-12));

    // P(pass all | a) = Π_s P(pass s | passed s−1, a)
    PassThrough bySex = v.passThrough().get(0);
    assertThat(bySex.byGroup().get("F")).isCloseTo(0.5 * 0.75, within(1e-12));
    assertThat(bySex.byGroup().get("M")).isCloseTo(0.8 * 0.75, within(1e-12));
    assertThat(bySex.difference().value()).isCloseTo(0.225, within(1e-12));
    assertThat(bySex.ratio().value()).isCloseTo(0.625, within(1e-12));
    PassThrough byRace = v.passThrough().get(1);
    assertThat(byRace.byGroup().get("R1")).isCloseTo(0.65 * 1.0, within(1e-12));
    assertThat(byRace.byGroup().get("R2")).isCloseTo(0.65 * 0.5, within(1e-12));
    assertThat(byRace.difference().value()).isCloseTo(0.325, within(1e-12));
    assertThat(byRace.ratio().value()).isCloseTo(0.5, within(1e-12));
    assertThat(v.endToEndDrivingAttribute()).isEqualTo("race");
    assertThat(byRace.difference().ci().covers(0.325)).isTrue();
  }

  @Test
  void aStageNobodyReachesHasNoGaps() {
    int[] nobody = new int[N];
    SequentialView v = new FairnessMetrics(Fixtures.plain()).sequential(y, List.of(nobody, screen), null,
        ProtectedAttributes.of("sex", sex), Metric.TPR);
    StageView s2 = v.stages().get(1);
    assertThat(s2.name()).isEqualTo("stage2");
    assertThat(s2.reached()).isZero();
    assertThat(s2.flags()).containsExactly(StageView.FLAG_NO_ROWS_REACHED);
    assertThat(s2.gaps().get(0).gap().value()).isNaN();
    assertThat(s2.gaps().get(0).gap().flags()).contains(Gap.FLAG_FEWER_THAN_TWO_GROUPS);
    assertThat(s2.drivingAttribute()).isNull();
    // everyone is stopped at stage 1: pass-through 0 for both groups, the ratio 0/0 is undefined
    assertThat(v.passThrough().get(0).difference().value()).isZero();
    assertThat(v.passThrough().get(0).ratio().value()).isNaN();
    assertThat(v.metric()).isEqualTo("tpr");
  }
}
