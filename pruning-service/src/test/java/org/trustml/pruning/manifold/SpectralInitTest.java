package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SpectralInitTest {

  /** A cycle of n vertices, weight 1 between neighbours, both directions listed. */
  static WeightedEdges ring(int n) {
    int[] heads = new int[2 * n];
    int[] tails = new int[2 * n];
    double[] weights = new double[2 * n];
    for (int i = 0; i < n; i++) {
      heads[2 * i] = i;
      tails[2 * i] = (i + 1) % n;
      heads[2 * i + 1] = (i + 1) % n;
      tails[2 * i + 1] = i;
      weights[2 * i] = 1;
      weights[2 * i + 1] = 1;
    }
    return new WeightedEdges(n, heads, tails, weights);
  }

  static double[][] denseLaplacian(WeightedEdges g) {
    int n = g.size();
    double[][] w = new double[n][n];
    double[] degree = new double[n];
    for (int e = 0; e < g.edgeCount(); e++) {
      w[g.heads()[e]][g.tails()[e]] += g.weights()[e];
      degree[g.heads()[e]] += g.weights()[e];
    }
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        l[i][j] = (i == j ? 1 : 0) - w[i][j] / Math.sqrt(degree[i] * degree[j]);
      }
    }
    return l;
  }

  static double rayleigh(double[][] l, double[] vectors, int dimension, int column) {
    int n = l.length;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double xi = vectors[i * dimension + column];
      den += xi * xi;
      for (int j = 0; j < n; j++) {
        num += xi * l[i][j] * vectors[j * dimension + column];
      }
    }
    return num / den;
  }

  @Test
  void aRingLandsOnACircleWithTheClosedFormEigenvalue() {
    int n = 40;
    WeightedEdges g = ring(n);
    double[] vectors = SpectralInit.eigenvectors(g, 2, new SplittableRandom(3));
    assertNotNull(vectors);
    // L's eigenvalues on a cycle are 1 − cos(2πj/n); j = 1 twice. A residual r gives a Rayleigh quotient within
    // r² / gap of the eigenvalue; the solver stops at r = 1e-4 on M = I − L/2, 2e-4 on L, the gap to j = 2 is 0.037
    double expected = 1 - Math.cos(2 * Math.PI / n);
    double gap = Math.cos(2 * Math.PI / n) - Math.cos(4 * Math.PI / n);
    double[][] l = denseLaplacian(g);
    for (int c = 0; c < 2; c++) {
      assertEquals(expected, rayleigh(l, vectors, 2, c), Math.pow(2 * SpectralInit.TOLERANCE, 2) / gap,
          "column " + c);
    }
    double[] u = SpectralInit.scaled(vectors, n, 2);
    double previous = Double.NaN;
    double turn = 0;
    for (int i = 0; i <= n; i++) {
      double x = u[(i % n) * 2] - 5;
      double y = u[(i % n) * 2 + 1] - 5;
      // within the discrete cosine's reach of ±1 (cos(π/40) ≈ 0.997)
      assertEquals(5, Math.hypot(x, y), 0.05, "radius of vertex " + i);
      double angle = Math.atan2(y, x);
      if (i > 0) {
        double step = Math.IEEEremainder(angle - previous, 2 * Math.PI);
        assertEquals(2 * Math.PI / n, Math.abs(step), 0.02, "vertex " + i + " follows its neighbour");
        turn += step;
      }
      previous = angle;
    }
    assertEquals(2 * Math.PI, Math.abs(turn), 1e-6, "one full turn around the ring");
  }

  @Test
  void agreesWithADenseEigendecompositionOnAFuzzyGraph() {
    double[] points = Samples.twoClusters(new Random(5), 60, 4, 3);
    KnnGraph knn = ExactNearestNeighbors.compute(points, 4, 10, Metric.EUCLIDEAN);
    WeightedEdges g = FuzzySimplicialSet.of(knn).symmetrize();
    int d = 3;
    double[] vectors = SpectralInit.eigenvectors(g, d, new SplittableRandom(9));
    assertNotNull(vectors);
    double[][] l = denseLaplacian(g);
    EigenDecomposition oracle = new EigenDecomposition(new Array2DRowRealMatrix(l));
    double[] values = oracle.getRealEigenvalues().clone();
    java.util.Arrays.sort(values);
    List<double[]> wanted = new ArrayList<>();
    for (int r = 1; r <= d; r++) {
      for (int k = 0; k < values.length; k++) {
        if (oracle.getRealEigenvalue(k) == values[r]) {
          wanted.add(oracle.getEigenvector(k).toArray());
          break;
        }
      }
    }
    double gap = values[d + 1] - values[d];
    assertTrue(gap > 1e-3, "the oracle's wanted eigenvalues are separated from the rest");
    // residual r = 2e-4 on L (see the ring): Rayleigh quotients within r² / gap, angles to the subspace within r / gap
    double r = 2 * SpectralInit.TOLERANCE;
    for (int c = 0; c < d; c++) {
      double separation = Math.min(c == 0 ? gap : values[c + 1] - values[c], values[c + 2] - values[c + 1]);
      assertEquals(values[c + 1], rayleigh(l, vectors, d, c), r * r / separation, "eigenvalue " + (c + 1));
      // each vector lies in the span of the oracle's eigenvectors 2 … d+1
      double inSpan = 0;
      for (double[] w : wanted) {
        double p = 0;
        for (int i = 0; i < g.size(); i++) {
          p += w[i] * vectors[i * d + c];
        }
        inSpan += p * p;
      }
      assertEquals(1, inSpan, Math.pow(r / gap, 2), "vector " + c + " in the oracle's subspace");
    }
    // the first non-trivial vector (the Fiedler vector) splits the two overlapping clusters by sign, mostly
    int positiveFirstHalf = 0;
    int positiveSecondHalf = 0;
    for (int i = 0; i < 60; i++) {
      positiveFirstHalf += vectors[i * d] > 0 ? 1 : 0;
      positiveSecondHalf += vectors[(60 + i) * d] > 0 ? 1 : 0;
    }
    assertTrue(Math.abs(positiveFirstHalf - positiveSecondHalf) >= 45, positiveFirstHalf + " and "
        + positiveSecondHalf + " positive");
  }

  @Test
  void aDisconnectedGraphHasNoSpectralStart() {
    WeightedEdges a = ring(10);
    int[] heads = new int[40];
    int[] tails = new int[40];
    double[] weights = new double[40];
    for (int e = 0; e < 20; e++) {
      heads[e] = a.heads()[e];
      tails[e] = a.tails()[e];
      heads[20 + e] = a.heads()[e] + 10;
      tails[20 + e] = a.tails()[e] + 10;
      weights[e] = 1;
      weights[20 + e] = 1;
    }
    assertNull(SpectralInit.layout(new WeightedEdges(20, heads, tails, weights), 2, new SplittableRandom(1)));
  }

  @Test
  void umapWithTheSpectralStartIsSeededAndFaithful() {
    double[] roll = Samples.swissRoll(new Random(7), 400);
    UmapParams params = new UmapParams(15, Metric.EUCLIDEAN, 2, 0.1, 1.0, 200, 5, UmapParams.KnnMethod.EXACT, 4)
        .withInit(UmapParams.Init.SPECTRAL);
    double[] u = Umap.embed(roll, 3, params);
    assertArrayEquals(u, Umap.embed(roll, 3, params), 0.0);
    double random = Trustworthiness.of(roll, 3, Umap.embed(roll, 3, params.withInit(UmapParams.Init.RANDOM)), 2, 10);
    double spectral = Trustworthiness.of(roll, 3, u, 2, 10);
    assertTrue(spectral >= 0.95, "trustworthiness " + spectral + " (random start: " + random + ")");
  }
}
