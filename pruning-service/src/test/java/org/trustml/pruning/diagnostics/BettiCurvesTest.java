package org.trustml.pruning.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

class BettiCurvesTest {

  /** n points evenly on a circle of radius r. */
  static PointCloud polygon(int n, double r) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      rows[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
    }
    return PointCloud.of(rows);
  }

  @Test
  void aRegularPolygonHasOneCycleExactlyBetweenItsSideAndItsThirdChord() {
    for (int n : new int[] {12, 31, 50}) {
      double r = 1.5;
      // the cycle is filled at the first chord spanning k ≥ n/3 sides: the complex of chords up to k sides is a
      // circle below n/3 and, at k = n/3 exactly, a wedge of 2-spheres (Adamaszek 2013), so H1 dies there too
      int k = (n + 2) / 3;
      double birth = 2 * r * Math.sin(Math.PI / n);
      double death = 2 * r * Math.sin(k * Math.PI / n);
      BettiCurves curves = BettiCurves.of(VietorisRipsPersistence.compute(polygon(n, r), RipsParams.h0h1()), 64);
      assertThat(curves.radii()).hasSize(64);
      assertThat(curves.radii()[0]).isZero();
      assertThat(curves.radii()[63]).isCloseTo(death, org.assertj.core.api.Assertions.within(1e-12));
      int checked = 0;
      for (int i = 0; i < 64; i++) {
        double e = curves.radii()[i];
        if (Math.abs(e - birth) < 1e-9 || Math.abs(e - death) < 1e-9) {
          continue; // at a boundary the computed edge length and the closed form may differ in the last bit
        }
        assertThat(curves.beta1()[i]).as("n %d, β1(%s)", n, e).isEqualTo(birth <= e && e < death ? 1 : 0);
        assertThat(curves.beta0()[i]).as("n %d, β0(%s)", n, e).isEqualTo(e < birth ? n : 1);
        checked++;
      }
      assertThat(checked).isGreaterThanOrEqualTo(62);
      // the last radius is the death itself: the cycle is filled there
      assertThat(curves.beta1()[63]).isZero();
    }
  }

  @Test
  void aBarCountsFromItsBirthIncludedToItsDeathExcluded() {
    double[] births = {0, 0, 1, 2};
    double[] deaths = {1, Double.POSITIVE_INFINITY, 3, 2.5};
    double[] radii = {0, 0.5, 1, 2, 2.5, 3, 100};
    assertThat(BettiCurves.count(births, deaths, radii)).containsExactly(2, 2, 2, 3, 2, 1, 1);
    assertThat(BettiCurves.grid(2, 5)).containsExactly(0, 0.5, 1, 1.5, 2);
    // one point: nothing dies, so the grid collapses to 0 with the one component alive
    BettiCurves one = BettiCurves.of(VietorisRipsPersistence.compute(PointCloud.of(new double[][] {{1, 2}}),
        RipsParams.h0h1()), 3);
    assertThat(one.radii()).containsExactly(0, 0, 0);
    assertThat(one.beta0()).containsExactly(1, 1, 1);
    assertThat(one.beta1()).containsExactly(0, 0, 0);
  }

  /**
   * An oracle that never looks at a diagram: β0 of the complex at ε is its number of components, β1 = dim Z1 −
   * dim B1 = (E − V + β0) − rank over Z/2 of the boundary of its triangles.
   */
  static int[] bettiOfComplex(PointCloud p, double eps) {
    int n = p.size();
    List<int[]> edges = new ArrayList<>();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int[][] edgeIndex = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (p.distance(i, j) <= eps) {
          edgeIndex[i][j] = edges.size();
          edges.add(new int[] {i, j});
          parent[find(parent, i)] = find(parent, j);
        } else {
          edgeIndex[i][j] = -1;
        }
      }
    }
    int components = 0;
    for (int i = 0; i < n; i++) {
      components += find(parent, i) == i ? 1 : 0;
    }
    List<BitSet> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int k = j + 1; k < n; k++) {
          if (edgeIndex[i][j] >= 0 && edgeIndex[i][k] >= 0 && edgeIndex[j][k] >= 0) {
            BitSet b = new BitSet();
            b.set(edgeIndex[i][j]);
            b.set(edgeIndex[i][k]);
            b.set(edgeIndex[j][k]);
            rows.add(b);
          }
        }
      }
    }
    int rank = rankZ2(rows);
    return new int[] {components, edges.size() - n + components - rank};
  }

  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  /** Gaussian elimination over Z/2. */
  static int rankZ2(List<BitSet> rows) {
    int rank = 0;
    List<BitSet> pivots = new ArrayList<>();
    for (BitSet row : rows) {
      BitSet r = (BitSet) row.clone();
      boolean reduced = true;
      while (reduced && !r.isEmpty()) {
        reduced = false;
        for (BitSet pivot : pivots) {
          if (r.get(pivot.length() - 1)) {
            r.xor(pivot);
            reduced = true;
            break;
          }
        }
      }
      if (!r.isEmpty()) {
        pivots.add(r);
        rank++;
      }
    }
    return rank;
  }

  @Test
  void onRandomCloudsTheCurvesEqualTheBettiNumbersOfTheComplexComputedFromScratch() {
    Random random = new Random(17);
    int withCycles = 0;
    for (int trial = 0; trial < 4; trial++) {
      double[][] rows = new double[13][3];
      for (double[] row : rows) {
        for (int k = 0; k < 3; k++) {
          row[k] = random.nextGaussian();
        }
      }
      PointCloud p = PointCloud.of(rows);
      PersistenceDiagram diagram = VietorisRipsPersistence.compute(p, RipsParams.h0h1());
      BettiCurves curves = BettiCurves.of(diagram, 40);
      for (int i = 0; i < curves.radii().length; i++) {
        int[] expected = bettiOfComplex(p, curves.radii()[i]);
        withCycles += expected[1] > 0 ? 1 : 0;
        assertThat(new int[] {curves.beta0()[i], curves.beta1()[i]}).as("trial %d, ε = %s", trial,
            curves.radii()[i]).containsExactly(expected);
      }
      // and exactly at every birth and death value, where a bar starts or ends
      for (int dim = 0; dim <= 1; dim++) {
        for (int k = 0; k < diagram.dimension(dim).size(); k++) {
          for (double e : new double[] {diagram.dimension(dim).birth(k), diagram.dimension(dim).death(k)}) {
            if (Double.isFinite(e)) {
              int[] got = {BettiCurves.count(diagram.h0().births(), diagram.h0().deaths(), new double[] {e})[0],
                  BettiCurves.count(diagram.h1().births(), diagram.h1().deaths(), new double[] {e})[0]};
              assertThat(got).as("trial %d at ε = %s", trial, e).containsExactly(bettiOfComplex(p, e));
            }
          }
        }
      }
    }
    assertThat(withCycles).as("radii where the oracle sees a cycle").isGreaterThan(3);
  }
}
