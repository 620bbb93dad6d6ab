package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestNeighborDescentTest {

  @Test
  void recallAgainstBruteForceIsAtLeastNinetyPercentOnRandomData() {
    double[] x = Samples.gaussian(new Random(11), 2000, 12);
    for (Metric metric : Metric.values()) {
      KnnGraph exact = ExactNearestNeighbors.compute(x, 12, 15, metric);
      KnnGraph approx = NearestNeighborDescent.compute(x, 12, 15, metric, 7);
      double recall = approx.recallAgainst(exact);
      assertTrue(recall >= 0.9, metric + " recall " + recall);
    }
  }

  @Test
  void sameSeedGivesTheSameGraph() {
    double[] x = Samples.gaussian(new Random(3), 500, 5);
    KnnGraph a = NearestNeighborDescent.compute(x, 5, 10, Metric.EUCLIDEAN, 42);
    KnnGraph b = NearestNeighborDescent.compute(x, 5, 10, Metric.EUCLIDEAN, 42);
    for (int i = 0; i < a.size(); i++) {
      for (int r = 0; r < a.k(); r++) {
        assertEquals(a.neighbor(i, r), b.neighbor(i, r));
        assertEquals(a.distance(i, r), b.distance(i, r));
      }
    }
  }

  @Test
  void bruteForceOnALineListsNeighboursByDistanceThenIndex() {
    // points 0, 1, 2, 4 on a line: point 1 has 0 and 2 both at distance 1, index breaks the tie
    double[] x = {0, 1, 2, 4};
    KnnGraph g = ExactNearestNeighbors.compute(x, 1, 2, Metric.EUCLIDEAN);
    assertArrayEquals(new int[] {0, 2}, new int[] {g.neighbor(1, 0), g.neighbor(1, 1)});
    assertArrayEquals(new int[] {1, 2}, new int[] {g.neighbor(0, 0), g.neighbor(0, 1)});
    assertArrayEquals(new int[] {2, 1}, new int[] {g.neighbor(3, 0), g.neighbor(3, 1)});
    assertEquals(3.0, g.distance(3, 1));
  }

  @Test
  void cosineDistanceIsOneMinusTheCosine() {
    double[] x = {1, 0, 1, 1, 0, 2};
    assertEquals(1 - 1 / Math.sqrt(2), Metric.COSINE.distance(x, 2, 0, 1), Tolerances.EXACT);
    assertEquals(1, Metric.COSINE.distance(x, 2, 0, 2), Tolerances.EXACT);
  }

  @Test
  void kMustLeaveRoomForNeighbours() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactNearestNeighbors.compute(new double[] {0, 1, 2}, 1, 3, Metric.EUCLIDEAN));
    assertTrue(e.getMessage().contains("got 3"), e.getMessage());
  }
}
