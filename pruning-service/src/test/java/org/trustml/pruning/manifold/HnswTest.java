package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HnswTest {

  static KnnGraph hnsw(double[] x, int d, int k, Metric metric, long seed, int threads) {
    return HnswNearestNeighbors.compute(x, d, k, metric, 16, 200, UmapParams.defaultHnswEf(k), seed, threads);
  }

  static void assertSameGraph(KnnGraph a, KnnGraph b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      for (int r = 0; r < a.k(); r++) {
        assertEquals(a.neighbor(i, r), b.neighbor(i, r), "point " + i + " rank " + r);
        assertEquals(a.distance(i, r), b.distance(i, r), "point " + i + " rank " + r);
      }
    }
  }

  @Test
  void recallAgainstBruteForceIsAtLeastNinetyFivePercent() {
    double[] x = Samples.gaussian(new Random(21), 3000, 12);
    for (Metric metric : Metric.values()) {
      KnnGraph exact = ExactNearestNeighbors.compute(x, 12, 15, metric);
      double recall = hnsw(x, 12, 15, metric, 5, 1).recallAgainst(exact);
      assertTrue(recall >= 0.95, metric + " recall " + recall);
    }
  }

  @Test
  void sameSeedGivesTheSameGraphOnOneAndTwoThreads() {
    double[] x = Samples.gaussian(new Random(8), 1500, 6);
    KnnGraph one = hnsw(x, 6, 10, Metric.EUCLIDEAN, 42, 1);
    assertSameGraph(one, hnsw(x, 6, 10, Metric.EUCLIDEAN, 42, 1));
    assertSameGraph(one, hnsw(x, 6, 10, Metric.EUCLIDEAN, 42, 2));
    HnswIndex a = HnswIndex.build(x, 6, Metric.EUCLIDEAN, 8, 50, 42);
    HnswIndex b = HnswIndex.build(x, 6, Metric.EUCLIDEAN, 8, 50, 43);
    int[] levelsA = new int[a.size()];
    int[] levelsB = new int[b.size()];
    for (int i = 0; i < a.size(); i++) {
      levelsA[i] = a.level(i);
      levelsB[i] = b.level(i);
    }
    assertNotEquals(Arrays.toString(levelsA), Arrays.toString(levelsB), "the seed draws the levels");
  }

  @Test
  void levelsFollowTheExponentialLawOfTheClosedForm() {
    // P(level ≥ l) = M^−l, so P(level ≥ 1) = 1/M and E[level] = Σ_{l≥1} M^−l = 1/(M − 1)
    for (int m : new int[] {4, 16}) {
      SplittableRandom random = new SplittableRandom(m);
      int draws = 400_000;
      long sum = 0;
      int aboveZero = 0;
      int aboveOne = 0;
      for (int t = 0; t < draws; t++) {
        int level = HnswIndex.randomLevel(random, 1 / Math.log(m));
        sum += level;
        aboveZero += level >= 1 ? 1 : 0;
        aboveOne += level >= 2 ? 1 : 0;
      }
      // tolerances: 5 standard errors of the binomial fraction / of the mean
      double p1 = 1.0 / m;
      assertEquals(p1, aboveZero / (double) draws, 5 * Math.sqrt(p1 * (1 - p1) / draws), "M = " + m);
      double p2 = p1 * p1;
      assertEquals(p2, aboveOne / (double) draws, 5 * Math.sqrt(p2 * (1 - p2) / draws), "M = " + m);
      assertEquals(1.0 / (m - 1), sum / (double) draws, 5 * Math.sqrt(p1 * 2 / draws), "M = " + m);
    }
  }

  @Test
  void theHeuristicKeepsCandidatesCloserToTheBaseThanToEveryKeptOne() {
    // base 0 at the origin; a = (1, 0); b = (1.1, 0) lies behind a (0.1 from a, 1.1 from the base): pruned;
    // c = (0, 1.5) is 1.5 from the base and 1.8 from a: kept; d = (−2, 0) is 2 from the base, 3 from a, 2.5 from c
    double[] x = {0, 0, 1, 0, 1.1, 0, 0, 1.5, -2, 0};
    int[] ids = {1, 2, 3, 4};
    double[] ds = {1, 1.1, 1.5, 2};
    NeighborSelection.PairDistance dist = (p, q) -> Metric.EUCLIDEAN.distance(x, 2, p, q);
    int[] out = new int[4];
    assertEquals(3, NeighborSelection.select(ids, ds, 4, 4, false, dist, out));
    assertArrayEquals(new int[] {1, 3, 4}, Arrays.copyOf(out, 3));
    assertEquals(2, NeighborSelection.select(ids, ds, 4, 2, false, dist, out));
    assertArrayEquals(new int[] {1, 3}, Arrays.copyOf(out, 2));
    // keepPrunedConnections fills the free place with the nearest discarded candidate
    assertEquals(4, NeighborSelection.select(ids, ds, 4, 4, true, dist, out));
    assertArrayEquals(new int[] {1, 3, 4, 2}, out);
  }

  @Test
  void theGraphRespectsTheDegreeBoundsAndHasNoSelfOrRepeatedLinks() {
    double[] x = Samples.gaussian(new Random(2), 2000, 8);
    int m = 6;
    HnswIndex index = HnswIndex.build(x, 8, Metric.COSINE, m, 40, 9);
    int[] reaching = new int[64];
    for (int i = 0; i < index.size(); i++) {
      for (int layer = 0; layer <= index.level(i); layer++) {
        reaching[layer]++;
      }
    }
    for (int i = 0; i < index.size(); i++) {
      for (int layer = 0; layer <= index.level(i); layer++) {
        int[] links = index.neighbors(i, layer);
        assertTrue(links.length <= (layer == 0 ? 2 * m : m), "degree " + links.length + " on layer " + layer);
        // only a point alone on its top layer has nobody to link to
        assertTrue(links.length >= 1 || reaching[layer] == 1, "point " + i + " is linked on layer " + layer);
        Set<Integer> seen = new HashSet<>();
        for (int j : links) {
          assertNotEquals(i, j);
          assertTrue(index.level(j) >= layer, "a link on layer " + layer + " to a point below it");
          assertTrue(seen.add(j), "repeated link " + j);
        }
      }
    }
    // the built index draws its levels from the same law: 1/M of 2,000 is 333 ± 17 (1 sd)
    assertEquals(2000.0 / m, reaching[1], 5 * Math.sqrt(2000 * (1.0 / m) * (1 - 1.0 / m)));
  }

  @Test
  void duplicatesFindTheirCopiesAndTheRestOfTheirNeighbours() {
    // 300 distinct points, each three times: a point's two copies are at distance 0, then come the others
    double[] distinct = Samples.gaussian(new Random(4), 300, 5);
    double[] x = new double[900 * 5];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(distinct, 0, x, c * distinct.length, distinct.length);
    }
    int k = 8;
    KnnGraph approx = hnsw(x, 5, k, Metric.EUCLIDEAN, 3, 1);
    KnnGraph exact = ExactNearestNeighbors.compute(x, 5, k, Metric.EUCLIDEAN);
    int rowsWithExactDistances = 0;
    for (int i = 0; i < 900; i++) {
      assertEquals(0.0, approx.distance(i, 0), "copy of " + i);
      assertEquals(0.0, approx.distance(i, 1), "copy of " + i);
      assertEquals(i % 300, approx.neighbor(i, 0) % 300);
      assertEquals(i % 300, approx.neighbor(i, 1) % 300);
      boolean same = true;
      for (int r = 0; r < k; r++) {
        same &= approx.distance(i, r) == exact.distance(i, r);
      }
      rowsWithExactDistances += same ? 1 : 0;
    }
    // ties make neighbour ids ambiguous, distances are not
    assertTrue(rowsWithExactDistances >= 0.95 * 900, rowsWithExactDistances + " of 900 rows");
  }

  @Test
  void allOtherPointsAsNeighboursGiveTheExactGraph() {
    double[] x = Samples.gaussian(new Random(6), 40, 3);
    assertSameGraph(ExactNearestNeighbors.compute(x, 3, 39, Metric.EUCLIDEAN),
        HnswNearestNeighbors.compute(x, 3, 39, Metric.EUCLIDEAN, 2, 1, 1, 5, 2));
    double[] two = {0, 0, 3, 4};
    KnnGraph g = HnswNearestNeighbors.compute(two, 2, 1, Metric.EUCLIDEAN, 16, 200, 64, 1, 1);
    assertEquals(1, g.neighbor(0, 0));
    assertEquals(0, g.neighbor(1, 0));
    assertEquals(5.0, g.distance(0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> HnswNearestNeighbors.compute(two, 2, 2, Metric.EUCLIDEAN, 16, 200, 64, 1, 1));
  }

  @Test
  void umapTakesHnswWithItsParametersAndRefusesBadOnes() {
    double[] x = Samples.gaussian(new Random(12), 400, 4);
    UmapParams params = UmapParams.defaults(1).withKnn(UmapParams.KnnMethod.HNSW).withHnsw(5, 30, 20);
    assertSameGraph(HnswNearestNeighbors.compute(x, 4, 15, Metric.COSINE, 5, 30, 20, 77, 1),
        Umap.knnGraph(x, 4, 15, params, 77, 2));
    assertEquals(64, UmapParams.defaults(1).hnswEfFor(15));
    assertEquals(80, UmapParams.defaults(1).hnswEfFor(40));
    assertEquals(20, params.hnswEfFor(15));
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> params.withHnsw(1, 30, 20));
    assertTrue(m.getMessage().contains("hnswM must be ≥ 2"), m.getMessage());
    IllegalArgumentException ef = assertThrows(IllegalArgumentException.class, () -> params.withHnsw(5, 30, 10));
    assertTrue(ef.getMessage().contains("hnswEf must be ≥ umap.k = 15"), ef.getMessage());
    assertThrows(IllegalArgumentException.class, () -> params.withHnsw(5, 0, 20));
  }
}
