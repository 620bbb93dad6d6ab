package org.trustml.pruning.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

class LandmarksTest {

  static double[] gaussian(long seed, int n, int d) {
    Random r = new Random(seed);
    double[] p = new double[n * d];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextGaussian();
    }
    return p;
  }

  /** A noisy unit circle in the first two of d coordinates. */
  static double[] noisyCircle(long seed, int n, int d, double noise) {
    Random r = new Random(seed);
    double[] p = new double[n * d];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * r.nextDouble();
      p[i * d] = Math.cos(angle);
      p[i * d + 1] = Math.sin(angle);
      for (int k = 0; k < d; k++) {
        p[i * d + k] += noise * r.nextGaussian();
      }
    }
    return p;
  }

  static double distance(double[] p, int d, int i, int j) {
    double s = 0;
    for (int k = 0; k < d; k++) {
      double v = p[i * d + k] - p[j * d + k];
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /** min over the first k landmarks of the distance to point i, recomputed from scratch. */
  static double toChosen(double[] p, int d, int[] chosen, int k, int i) {
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      best = Math.min(best, distance(p, d, i, chosen[c]));
    }
    return best;
  }

  @Test
  void everyNewLandmarkIsTheFarthestPointFromTheEarlierOnesAndTheCoveringRadiusIsTheHausdorffDistance() {
    int n = 300;
    int d = 5;
    double[] p = gaussian(11, n, d);
    Landmarks l = Landmarks.maxMin(p, d, 40, 3);
    assertThat(l.size()).isEqualTo(40);
    assertThat(l.indices()[0]).isEqualTo(new SplittableRandom(3).nextInt(n));
    assertThat(Arrays.stream(l.indices()).distinct().count()).isEqualTo(40);
    for (int k = 1; k < l.size(); k++) {
      double farthest = 0;
      for (int i = 0; i < n; i++) {
        farthest = Math.max(farthest, toChosen(p, d, l.indices(), k, i));
      }
      assertThat(toChosen(p, d, l.indices(), k, l.indices()[k])).as("landmark %d", k).isEqualTo(farthest);
      assertThat(l.insertionRadii()[k]).isEqualTo(farthest);
      assertThat(l.insertionRadii()[k]).isLessThanOrEqualTo(l.insertionRadii()[k - 1]);
    }
    double hausdorff = 0;
    for (int i = 0; i < n; i++) {
      hausdorff = Math.max(hausdorff, toChosen(p, d, l.indices(), l.size(), i));
    }
    assertThat(l.coveringRadius()).isEqualTo(hausdorff);
    assertThat(l.coveringRadius()).isLessThanOrEqualTo(l.insertionRadii()[l.size() - 1]);
    assertThat(l.bottleneckBound()).isEqualTo(2 * hausdorff);
  }

  @Test
  void aSmallClassIsItsOwnLandmarkSetAndTheSeedOnlyMovesTheStart() {
    double[] p = gaussian(5, 25, 3);
    Landmarks all = Landmarks.maxMin(p, 3, 400, 9);
    assertThat(all.size()).isEqualTo(25);
    assertThat(all.coveringRadius()).isZero();
    int[] sorted = all.indices().clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(org.trustml.pruning.manifold.ClassIndex.all(25));
    assertThat(Landmarks.maxMin(p, 3, 10, 9).indices()).isEqualTo(Landmarks.maxMin(p, 3, 10, 9).indices());
    assertThat(Landmarks.maxMin(p, 3, 1, 9).coveringRadius()).isPositive();
    assertThatThrownBy(() -> Landmarks.maxMin(p, 3, 0, 9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLandmarksDiagramIsWithinTwiceTheCoveringRadiusOfTheFullDiagram() {
    for (long seed = 1; seed <= 3; seed++) {
      int d = 3;
      double[] p = noisyCircle(seed, 150, d, 0.08);
      Landmarks l = Landmarks.maxMin(p, d, 30, seed);
      PersistenceDiagram full = VietorisRipsPersistence.compute(PointCloud.ofRowMajor(p, d), RipsParams.h0h1());
      double[] chosen = org.trustml.pruning.manifold.ClassIndex.gather(p, d, l.indices());
      PersistenceDiagram sample = VietorisRipsPersistence.compute(PointCloud.ofRowMajor(chosen, d),
          RipsParams.h0h1());
      for (int dim = 0; dim <= 1; dim++) {
        DiagnosticsReport.Bars a = DiagnosticsReport.Bars.of(full.dimension(dim));
        DiagnosticsReport.Bars b = DiagnosticsReport.Bars.of(sample.dimension(dim));
        // the essential bars: one component, no cycle survives the enclosing radius
        assertThat(a.essential()).containsExactly(b.essential());
        double bottleneck = Bottleneck.distance(a.finite(), b.finite());
        assertThat(bottleneck).as("seed %d, H%d", seed, dim).isLessThanOrEqualTo(l.bottleneckBound());
        assertThat(bottleneck).as("seed %d, H%d: the bound is not vacuous here", seed, dim).isPositive();
      }
    }
  }

  @Test
  void theBottleneckOracleAgreesWithHandWorkedDiagrams() {
    // one bar each: matched to each other at L∞ distance max(0.5, 0.25), or both to the diagonal at max(1, 0.875)
    assertThat(Bottleneck.distance(new double[][] {{0, 2}}, new double[][] {{0.5, 2.25}})).isEqualTo(0.5);
    // far apart bars: both to the diagonal beats matching them (max(0.5, 0.5) < 10)
    assertThat(Bottleneck.distance(new double[][] {{0, 1}}, new double[][] {{10, 11}})).isEqualTo(0.5);
    // an extra short bar goes to the diagonal at half its length
    assertThat(Bottleneck.distance(new double[][] {{0, 4}, {1, 1.2}}, new double[][] {{0, 4}}))
        .isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(Bottleneck.distance(new double[0][], new double[0][])).isZero();
  }
}
