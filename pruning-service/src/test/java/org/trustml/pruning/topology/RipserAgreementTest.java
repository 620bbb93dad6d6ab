package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.pruning.topology.RipserCli.Interval;

/**
 * Pair for pair against the {@code ripser} command line (Debian 1.2.1), skipped when it is not installed. Ripser
 * computes in float and prints six significant digits, so the exact comparison feeds it a distance matrix rounded
 * to 1e-3 (values below 10 survive float and printing unchanged, and the rounding makes many ties); the coordinate
 * comparison allows float error.
 */
class RipserAgreementTest {

  @TempDir static Path work;

  /** Per test, so that each one is reported as skipped with the reason. */
  @BeforeEach
  void ripserInstalled() {
    assumeThat(RipserCli.available()).as(RipserCli.MISSING).isTrue();
  }

  static DistanceMatrix roundedDistances(PointCloud p) {
    int n = p.size();
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // via the decimal string, so the double is exactly the one ripser's printed value parses to
        rows[i][j] = Double.parseDouble(String.format(Locale.ROOT, "%.3f", p.distance(i, j)));
      }
    }
    return DistanceMatrix.of(rows);
  }

  static List<Interval> intervals(PersistencePairs pairs) {
    List<Interval> list = new ArrayList<>();
    for (int k = 0; k < pairs.size(); k++) {
      list.add(new Interval(pairs.birth(k), pairs.death(k)));
    }
    return list;
  }

  static List<Interval> sorted(List<Interval> intervals, double minPersistence) {
    return intervals.stream().filter(i -> i.death() - i.birth() > minPersistence)
        .sorted(Comparator.comparingDouble(Interval::birth).thenComparingDouble(Interval::death)).toList();
  }

  static void assertSameIntervals(List<Interval> ours, List<Interval> ripser, double absolute, double relative) {
    assertThat(ours).hasSameSizeAs(ripser);
    for (int k = 0; k < ours.size(); k++) {
      Interval a = ours.get(k);
      Interval b = ripser.get(k);
      assertThat(Math.abs(a.birth() - b.birth())).as("birth %s vs %s", a, b)
          .isLessThanOrEqualTo(absolute + relative * Math.abs(b.birth()));
      if (b.death() == Double.POSITIVE_INFINITY) {
        assertThat(a.death()).as("essential %s vs %s", a, b).isEqualTo(Double.POSITIVE_INFINITY);
      } else {
        assertThat(Math.abs(a.death() - b.death())).as("death %s vs %s", a, b)
            .isLessThanOrEqualTo(absolute + relative * Math.abs(b.death()));
      }
    }
  }

  /** Returns the number of H1 intervals compared, so callers can check that cycles were exercised. */
  int assertMatchesRipserExactly(DistanceMatrix d, Double threshold) throws Exception {
    RipsParams params = threshold == null ? RipsParams.h0h1() : RipsParams.h0h1().withThreshold(threshold);
    PersistenceDiagram ours = VietorisRipsPersistence.compute(d, params);
    List<List<Interval>> ripser = RipserCli.lowerDistance(d, threshold, work);
    for (int dim = 0; dim <= 1; dim++) {
      assertSameIntervals(sorted(intervals(ours.dimension(dim)), 0), sorted(ripser.get(dim), 0),
          Tolerances.RIPSER_EXACT, 0);
    }
    return ripser.get(1).size();
  }

  @Test
  void randomCloudsMatchRipserOnRoundedDistances() throws Exception {
    Random random = new Random(345);
    int[] sizes = {20, 45, 70, 100};
    int cycles = 0;
    for (int trial = 0; trial < 8; trial++) {
      PointCloud p = trial % 2 == 0
          ? Clouds.gaussian(random, sizes[trial / 2], 2 + trial % 3)
          : Clouds.noisyCircle(random, sizes[trial / 2], 3, 0.2);
      cycles += assertMatchesRipserExactly(roundedDistances(p), null);
    }
    assertThat(cycles).isGreaterThan(20);
  }

  @Test
  void heavilyTiedDistancesMatchRipser() throws Exception {
    Random random = new Random(347);
    // integer points on a small grid: few distinct lengths, many equal-valued simplices
    double[][] rows = new double[40][2];
    for (double[] row : rows) {
      row[0] = random.nextInt(6);
      row[1] = random.nextInt(6) + 0.25 * random.nextInt(2);
    }
    assertThat(assertMatchesRipserExactly(roundedDistances(PointCloud.of(rows)), null)).isPositive();
    assertThat(assertMatchesRipserExactly(roundedDistances(Clouds.circle(24, 1)), null)).isPositive();
  }

  @Test
  void thresholdedFiltrationsMatchRipserIncludingEssentialCycles() throws Exception {
    Random random = new Random(348);
    DistanceMatrix d = roundedDistances(Clouds.noisyCircle(random, 60, 2, 0.05));
    for (double threshold : new double[] {0.1, 0.3, 0.9}) {
      assertMatchesRipserExactly(d, threshold);
    }
    PersistenceDiagram cut = VietorisRipsPersistence.compute(d, RipsParams.h0h1().withThreshold(0.9));
    assertThat(cut.h1().isEssential(0) || cut.h1().size() > 1).isTrue();
  }

  @Test
  void randomCoordinatesMatchRipserWithinFloatPrecision() throws Exception {
    Random random = new Random(349);
    for (int trial = 0; trial < 4; trial++) {
      PointCloud p = Clouds.gaussian(random, 80, 3 + trial);
      PersistenceDiagram ours = VietorisRipsPersistence.compute(p, RipsParams.h0h1());
      List<List<Interval>> ripser = RipserCli.pointCloud(p, null, work);
      for (int dim = 0; dim <= 1; dim++) {
        // float rounding can create or remove pairs of near-zero persistence: compare the rest
        double minPersistence = 1e-4;
        assertSameIntervals(sorted(intervals(ours.dimension(dim)), minPersistence),
            sorted(ripser.get(dim), minPersistence), 0, Tolerances.RIPSER_FLOAT_RELATIVE);
      }
    }
  }
}
