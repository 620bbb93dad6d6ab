package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UmapTest {

  private static UmapParams twoDimensional(long seed) {
    return new UmapParams(15, Metric.EUCLIDEAN, 2, 0.1, 1.0, 200, 5, UmapParams.KnnMethod.EXACT, seed);
  }

  @Test
  void swissRollLayoutKeepsNeighbourhoods() {
    double[] roll = Samples.swissRoll(new Random(1), 600);
    double[] u = Umap.embed(roll, 3, twoDimensional(9));
    double trust = Trustworthiness.of(roll, 3, u, 2, 10);
    double[] scrambled = UmapLayout.randomInit(600, 2, new java.util.SplittableRandom(9));
    double chance = Trustworthiness.of(roll, 3, scrambled, 2, 10);
    assertTrue(trust >= 0.95, "trustworthiness " + trust + " (random layout: " + chance + ")");
    assertTrue(chance < 0.6, "a random layout should not be trustworthy: " + chance);
  }

  @Test
  void twoClustersStaySeparatedAndNeighbourhoodsKept() {
    double[] x = Samples.twoClusters(new Random(2), 200, 10, 12);
    double[] u = Umap.embed(x, 10, twoDimensional(4));
    double trust = Trustworthiness.of(x, 10, u, 2, 10);
    // 10-D Gaussian blobs have no 2-D structure to find; 0.895 measured, a random layout gives about 0.5
    assertTrue(trust >= 0.85, "trustworthiness " + trust);
    // every point's nearest embedded neighbour is from its own cluster
    KnnGraph g = ExactNearestNeighbors.compute(u, 2, 1, Metric.EUCLIDEAN);
    for (int i = 0; i < 400; i++) {
      assertEquals(i < 200, g.neighbor(i, 0) < 200, "point " + i);
    }
  }

  @Test
  void sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() {
    double[] x = Samples.gaussian(new Random(6), 300, 8);
    UmapParams params = UmapParams.defaults(77).withEpochs(50).withKnn(UmapParams.KnnMethod.NN_DESCENT);
    double[] a = Umap.embed(x, 8, params);
    double[] b = Umap.embed(x, 8, params);
    double[] c = Umap.embed(x, 8, params.withSeed(78));
    assertArrayEquals(a, b, 0.0);
    assertTrue(!Arrays.equals(a, c));
  }

  @Test
  void perClassStageIsIndependentOfTheThreadCount() {
    double[] x = Samples.gaussian(new Random(12), 360, 6);
    int[] labels = new int[360];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }
    ManifoldParams params = ManifoldParams.defaults(5).withUmap(UmapParams.defaults(5).withEpochs(60));
    ManifoldEmbedding one = ManifoldStage.run(x, 6, labels, params.withThreads(1));
    ManifoldEmbedding three = ManifoldStage.run(x, 6, labels, params.withThreads(3));
    assertArrayEquals(one.embedded(), three.embedded(), 0.0);
    assertEquals(8, one.dimension());
    assertEquals(1.0, norm(one.latent(), 6, 17), Tolerances.EXACT, "L2-normalised input");
  }

  private static double norm(double[] x, int d, int row) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      s += x[row * d + c] * x[row * d + c];
    }
    return Math.sqrt(s);
  }
}
