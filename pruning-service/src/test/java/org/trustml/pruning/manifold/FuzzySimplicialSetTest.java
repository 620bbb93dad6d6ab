package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzySimplicialSetTest {

  @Test
  void membershipsOfEveryPointSumToLog2K() {
    int k = 15;
    KnnGraph knn = ExactNearestNeighbors.compute(Samples.gaussian(new Random(5), 400, 6), 6, k, Metric.EUCLIDEAN);
    FuzzySimplicialSet set = FuzzySimplicialSet.of(knn);
    for (int i = 0; i < knn.size(); i++) {
      double sum = 0;
      for (int r = 0; r < k; r++) {
        sum += set.membership(i, r);
      }
      assertEquals(Math.log(k) / Math.log(2), sum, Tolerances.MEMBERSHIP_SUM, "point " + i);
      assertEquals(knn.distance(i, 0), set.rho(i), 0.0);
      assertEquals(1.0, set.membership(i, 0), 0.0, "the nearest neighbour has membership 1");
    }
  }

  @Test
  void symmetrisationIsTheFuzzyUnion() {
    KnnGraph knn = ExactNearestNeighbors.compute(Samples.gaussian(new Random(8), 120, 3), 3, 6, Metric.EUCLIDEAN);
    FuzzySimplicialSet set = FuzzySimplicialSet.of(knn);
    WeightedEdges w = set.symmetrize();
    int edges = 0;
    for (int i = 0; i < knn.size(); i++) {
      for (int j = 0; j < knn.size(); j++) {
        double p = set.membershipOf(i, j);
        double q = set.membershipOf(j, i);
        double expected = p + q - p * q;
        assertEquals(expected, w.weight(i, j), Tolerances.EXACT, "(" + i + "," + j + ")");
        edges += expected > 0 ? 1 : 0;
      }
    }
    assertEquals(edges, w.edgeCount(), "each directed pair once");
  }

  @Test
  void unionOfAOneSidedEdgeKeepsItsMembership() {
    // 0, 1, 10 on a line with k = 1: 10's neighbour is 1, but 1's is 0, so w(1,10) = p(1|10) = 1 (it is nearest)
    KnnGraph knn = ExactNearestNeighbors.compute(new double[] {0, 1, 10}, 1, 1, Metric.EUCLIDEAN);
    WeightedEdges w = FuzzySimplicialSet.of(knn).symmetrize();
    assertEquals(1.0, w.weight(2, 1), 0.0);
    assertEquals(1.0, w.weight(1, 2), 0.0);
    assertEquals(1.0, w.weight(0, 1), 0.0);
    assertTrue(w.weight(0, 2) == 0);
  }

  @Test
  void curveParametersMatchUmapLearnsFitForItsDefaults() {
    // umap-learn find_ab_params(spread=1, min_dist=0.1) = (1.5769434603113077, 0.8950608781227859)
    CurveParameters c = CurveParameters.fit(0.1, 1.0);
    assertEquals(1.5769434603113077, c.a(), 1e-4);
    assertEquals(0.8950608781227859, c.b(), 1e-4);
    // scipy.optimize.curve_fit on the same target, min_dist 0.5: (0.58303002, 1.33416699)
    CurveParameters wide = CurveParameters.fit(0.5, 1.0);
    assertEquals(0.58303002, wide.a(), 1e-4);
    assertEquals(1.33416699, wide.b(), 1e-4);
  }
}
