package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trustml.pruning.topology.Tolerances.EXACT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Diagrams worked out by hand (and with GUDHI 3.7.1 in the design note, §7). */
class KnownDiagramsTest {

  static PersistenceDiagram full(PointCloud p) {
    return VietorisRipsPersistence.compute(p, RipsParams.h0h1());
  }

  static int finite(PersistencePairs pairs) {
    int count = 0;
    for (int k = 0; k < pairs.size(); k++) {
      count += pairs.isEssential(k) ? 0 : 1;
    }
    return count;
  }

  @Test
  void regular50GonHasOneCycleFromSideToTheChordOf17Steps() {
    PersistenceDiagram d = full(Clouds.circle(50, 1));

    assertThat(d.h1().size()).isEqualTo(1);
    assertThat(d.h1().birth(0)).isCloseTo(0.12558104, within(1e-8));
    assertThat(d.h1().death(0)).isCloseTo(1.75261336, within(1e-8));
    assertThat(d.h0().size()).isEqualTo(50);
    assertThat(finite(d.h0())).isEqualTo(49);
    for (int k = 0; k < 49; k++) {
      assertThat(d.h0().death(k)).isCloseTo(2 * Math.sin(Math.PI / 50), within(EXACT));
    }
  }

  /**
   * n points evenly on a circle of radius r: the cycle is born at the side 2r·sin(π/n) and dies at the chord
   * 2r·sin(kπ/n), k = ⌈n/3⌉, the first chord length at which the cone over a triangle of steps ≤ k covers the
   * circle (for 3 | n the equilateral triangle itself). Checked against ripser for n = 6 and 12.
   */
  @ParameterizedTest
  @ValueSource(ints = {4, 5, 6, 7, 12, 13, 31})
  void evenlySpacedCircleDiesAtTheChordOfCeilNOver3Steps(int n) {
    double r = 2.5;
    PersistenceDiagram d = full(Clouds.circle(n, r));
    int k = (n + 2) / 3;

    assertThat(d.h1().size()).isEqualTo(1);
    assertThat(d.h1().birth(0)).isCloseTo(2 * r * Math.sin(Math.PI / n), within(EXACT));
    assertThat(d.h1().death(0)).isCloseTo(2 * r * Math.sin(k * Math.PI / n), within(EXACT));
  }

  @Test
  void unitSquareHasThreeUnitMergesAndOneCycleFilledAtTheDiagonal() {
    PersistenceDiagram d = full(PointCloud.of(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}));

    assertThat(d.h0().deaths()).containsExactly(1, 1, 1, Double.POSITIVE_INFINITY);
    assertThat(d.h1().size()).isEqualTo(1);
    assertThat(d.h1().birth(0)).isEqualTo(1);
    assertThat(d.h1().death(0)).isCloseTo(Math.sqrt(2), within(EXACT));
    // a diagonal kills the cycle: its ends are opposite corners, {0, 2} or {1, 3}
    assertThat(d.h1().deathVertex(0, 1) - d.h1().deathVertex(0, 0)).isEqualTo(2);
  }

  @Test
  void twoGridsFiveApartMergeLastAcrossTheGap() {
    double[][] left = Clouds.grid(3, 0.1, 0);
    PointCloud p = PointCloud.of(Clouds.concat(left, Clouds.grid(3, 0.1, 5)));
    PersistencePairs h0 = full(p).h0();

    assertThat(finite(h0)).isEqualTo(17);
    int last = 16;
    assertThat(h0.death(last)).isCloseTo(4.8, within(EXACT));
    assertThat(h0.deathVertex(last, 0)).isLessThan(9);
    assertThat(h0.deathVertex(last, 1)).isGreaterThanOrEqualTo(9);
    for (int k = 0; k < last; k++) {
      assertThat(h0.death(k)).isCloseTo(0.1, within(EXACT));
    }
  }

  @Test
  void aThresholdBelowTheDeathLeavesTheCycleEssential() {
    PointCloud circle = Clouds.circle(12, 1);
    PersistenceDiagram d = VietorisRipsPersistence.compute(circle, RipsParams.h0h1().withThreshold(1.2));

    assertThat(d.threshold()).isEqualTo(1.2);
    assertThat(d.h1().size()).isEqualTo(1);
    assertThat(d.h1().isEssential(0)).isTrue();
    assertThat(d.h1().hasDeathEdge(0)).isFalse();
    assertThat(d.h1().birth(0)).isCloseTo(2 * Math.sin(Math.PI / 12), within(EXACT));
  }

  @Test
  void aThresholdBelowTheSideLeavesEveryPointItsOwnComponent() {
    PersistenceDiagram d = VietorisRipsPersistence.compute(Clouds.circle(12, 1), RipsParams.h0h1().withThreshold(0.1));

    assertThat(d.h0().size()).isEqualTo(12);
    assertThat(finite(d.h0())).isZero();
    assertThat(d.h1().size()).isZero();
  }

  @Test
  void dimensionZeroOnlyLeavesH1Empty() {
    PersistenceDiagram d = VietorisRipsPersistence.compute(Clouds.circle(12, 1), RipsParams.h0());

    assertThat(finite(d.h0())).isEqualTo(11);
    assertThat(d.h1().size()).isZero();
  }

  @Test
  void onePointIsOneEssentialComponent() {
    PersistenceDiagram d = full(PointCloud.of(new double[][] {{3, 4}}));

    assertThat(d.h0().deaths()).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(d.h1().size()).isZero();
  }

  @Test
  void twoPointsMergeAtTheirDistance() {
    PersistenceDiagram d = full(PointCloud.of(new double[][] {{0, 0}, {3, 4}}));

    assertThat(d.h0().deaths()).containsExactly(5, Double.POSITIVE_INFINITY);
    assertThat(d.h0().deathVertex(0, 0)).isZero();
    assertThat(d.h0().deathVertex(0, 1)).isEqualTo(1);
  }

  @Test
  void duplicatePointsGiveNoZeroLengthPairs() {
    PersistenceDiagram d = full(PointCloud.of(new double[][] {{0, 0}, {0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}}));

    assertThat(d.h0().deaths()).containsExactly(1, 1, 1, Double.POSITIVE_INFINITY);
    assertThat(d.h1().size()).isEqualTo(1);
    assertThat(d.h1().death(0)).isCloseTo(Math.sqrt(2), within(EXACT));
  }

  @Test
  void collinearPointsHaveNoCycles() {
    double[][] rows = new double[20][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i * i * 0.01, 2 * i * i * 0.01};
    }
    assertThat(full(PointCloud.of(rows)).h1().size()).isZero();
  }

  @Test
  void aDistanceMatrixGivesTheSameDiagramAsItsPoints() {
    PointCloud p = Clouds.circle(9, 1);
    double[][] rows = new double[9][9];
    for (int i = 0; i < 9; i++) {
      for (int j = 0; j < 9; j++) {
        rows[i][j] = p.distance(i, j);
      }
    }
    PersistenceDiagram fromMatrix = VietorisRipsPersistence.compute(DistanceMatrix.of(rows), RipsParams.h0h1());
    PersistenceDiagram fromPoints = full(p);

    assertThat(fromMatrix.h0().deaths()).containsExactly(fromPoints.h0().deaths());
    assertThat(fromMatrix.h1().deaths()).containsExactly(fromPoints.h1().deaths());
    assertThat(fromMatrix.h1().births()).containsExactly(fromPoints.h1().births());
  }
}
