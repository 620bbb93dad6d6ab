package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every value is the length of its critical edge, and the H0 death edges are a minimum spanning tree. */
class CriticalEdgesTest {

  @Test
  void birthsAndDeathsAreTheLengthsOfTheirCriticalEdges() {
    Random random = new Random(345);
    for (int trial = 0; trial < 5; trial++) {
      PointCloud p = Clouds.noisyCircle(random, 60, 3, 0.15);
      PersistenceDiagram d = VietorisRipsPersistence.compute(p, RipsParams.h0h1());

      assertThat(d.h1().size()).isPositive();
      for (int dim = 0; dim <= 1; dim++) {
        PersistencePairs pairs = d.dimension(dim);
        for (int k = 0; k < pairs.size(); k++) {
          assertThat(pairs.hasBirthEdge(k)).isEqualTo(dim == 1);
          if (pairs.hasBirthEdge(k)) {
            assertThat(p.distance(pairs.birthVertex(k, 0), pairs.birthVertex(k, 1))).isEqualTo(pairs.birth(k));
          }
          if (pairs.hasDeathEdge(k)) {
            assertThat(p.distance(pairs.deathVertex(k, 0), pairs.deathVertex(k, 1))).isEqualTo(pairs.death(k));
            assertThat(pairs.death(k)).isGreaterThan(pairs.birth(k));
          }
        }
      }
    }
  }

  @Test
  void h0DeathsSumToThePrimTreeWeight() {
    Random random = new Random(346);
    for (int trial = 0; trial < 5; trial++) {
      PointCloud p = Clouds.gaussian(random, 50 + 10 * trial, 4);
      PersistencePairs h0 = VietorisRipsPersistence.compute(p, RipsParams.h0()).h0();
      double sum = 0;
      for (int k = 0; k < h0.size(); k++) {
        sum += h0.isEssential(k) ? 0 : h0.death(k);
      }
      assertThat(sum).isCloseTo(primWeight(p), within(1e-9));
    }
  }

  /** Dense Prim, O(n²): an independent minimum spanning tree. */
  static double primWeight(PointCloud p) {
    int n = p.size();
    double[] best = new double[n];
    boolean[] inTree = new boolean[n];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    double weight = 0;
    for (int step = 0; step < n; step++) {
      int next = -1;
      for (int v = 0; v < n; v++) {
        if (!inTree[v] && (next < 0 || best[v] < best[next])) {
          next = v;
        }
      }
      inTree[next] = true;
      weight += best[next];
      for (int v = 0; v < n; v++) {
        if (!inTree[v]) {
          best[v] = Math.min(best[v], p.distance(next, v));
        }
      }
    }
    return weight;
  }
}
