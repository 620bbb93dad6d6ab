package org.trustml.pruning.manifold;

import java.util.SplittableRandom;
import org.trustml.pruning.topology.UnionFind;

/**
 * UMAP's spectral initialisation (umap-learn {@code spectral_layout}, the note's {@code umap.init = spectral}): the
 * eigenvectors of the symmetric normalised Laplacian L = I − D^{-1/2} W D^{-1/2} of the fuzzy graph for its 2nd to
 * (d+1)-th smallest eigenvalues, each coordinate then scaled to [0, 10] as umap-learn does before the SGD.
 *
 * <p>Solved without a dense n × n matrix: block subspace iteration on M = (I + D^{-1/2} W D^{-1/2}) / 2, whose
 * eigenvalues lie in [0, 1] in the reverse order of L's, with L's known first eigenvector D^{1/2}·1 projected out
 * and a Rayleigh–Ritz step every {@link #RITZ_EVERY} products; d + {@link #OVERSAMPLING} vectors make the wanted d
 * converge faster. It stops when every wanted Ritz pair has a residual ‖Mx − θx‖ below {@link #TOLERANCE} (umap-learn
 * asks eigsh for 1e-4) or after {@link #MAX_ITERATIONS} products; a start the iteration has not fully converged is
 * still a smooth, graph-aware layout, which is all the SGD needs. Seeded start vectors, so the result is
 * deterministic.
 *
 * <p>A disconnected graph has several zero eigenvalues and no single spectral picture (umap-learn then lays out the
 * components separately); this returns null so the caller can fall back to the random start.
 */
final class SpectralInit {

  static final double TOLERANCE = 1e-4;
  static final int MAX_ITERATIONS = 2_000;
  static final int RITZ_EVERY = 10;
  static final int OVERSAMPLING = 4;

  private SpectralInit() {}

  /**
   * @param graph     symmetric weighted graph, both directions listed
   * @param dimension d ≥ 1
   * @return n×d row-major coordinates in [0, 10]^d, or null when the graph is disconnected or has fewer than d + 2
   *     vertices
   */
  static double[] layout(WeightedEdges graph, int dimension, SplittableRandom random) {
    double[] vectors = eigenvectors(graph, dimension, random);
    return vectors == null ? null : scaled(vectors, graph.size(), dimension);
  }

  /**
   * The unscaled eigenvectors for L's 2nd to (d+1)-th smallest eigenvalues, column c of row i at [i·d + c], each of
   * unit length, in ascending order of eigenvalue; null as {@link #layout}.
   */
  static double[] eigenvectors(WeightedEdges graph, int dimension, SplittableRandom random) {
    int n = graph.size();
    if (n < dimension + 2 || !connected(graph)) {
      return null;
    }
    double[] degree = new double[n];
    for (int e = 0; e < graph.edgeCount(); e++) {
      degree[graph.heads()[e]] += graph.weights()[e];
    }
    double[] invSqrtDegree = new double[n];
    double[] trivial = new double[n]; // D^{1/2}·1, normalised: L's eigenvector for eigenvalue 0
    for (int i = 0; i < n; i++) {
      invSqrtDegree[i] = 1 / Math.sqrt(degree[i]);
      trivial[i] = Math.sqrt(degree[i]);
    }
    normalize(trivial);
    int p = Math.min(dimension + OVERSAMPLING, n - 1);
    double[][] block = new double[p][n];
    for (double[] v : block) {
      for (int i = 0; i < n; i++) {
        v[i] = random.nextDouble() - 0.5;
      }
    }
    orthonormalize(block, trivial);
    double[][] product = new double[p][n];
    double[] ritzValues = new double[p];
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      for (int v = 0; v < p; v++) {
        multiply(graph, invSqrtDegree, block[v], product[v]);
      }
      if (iteration % RITZ_EVERY == 0 || iteration == MAX_ITERATIONS) {
        // Rayleigh–Ritz on the current (orthonormal) block: rotate it onto M's eigenvectors within the span
        ritzValues = rayleighRitz(block, product);
        if (converged(graph, invSqrtDegree, block, ritzValues, dimension) || iteration == MAX_ITERATIONS) {
          break;
        }
      }
      double[][] swap = block;
      block = product;
      product = swap;
      orthonormalize(block, trivial);
    }
    double[] out = new double[n * dimension];
    for (int c = 0; c < dimension; c++) {
      for (int i = 0; i < n; i++) {
        out[i * dimension + c] = block[c][i];
      }
    }
    return out;
  }

  /** y = M x with M = (I + D^{-1/2} W D^{-1/2}) / 2. */
  private static void multiply(WeightedEdges graph, double[] invSqrtDegree, double[] x, double[] y) {
    int[] heads = graph.heads();
    int[] tails = graph.tails();
    double[] weights = graph.weights();
    java.util.Arrays.fill(y, 0);
    for (int e = 0; e < heads.length; e++) {
      y[heads[e]] += weights[e] * invSqrtDegree[tails[e]] * x[tails[e]];
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.5 * (x[i] + invSqrtDegree[i] * y[i]);
    }
  }

  /**
   * Replaces the orthonormal block X by X·V, V the eigenvectors of XᵀMX (from {@code product} = MX), in descending
   * order of eigenvalue, and returns those eigenvalues (M's Ritz values).
   */
  private static double[] rayleighRitz(double[][] block, double[][] product) {
    int p = block.length;
    double[][] h = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        double s = 0.5 * (dot(block[a], product[b]) + dot(block[b], product[a]));
        h[a][b] = s;
        h[b][a] = s;
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(h);
    int n = block[0].length;
    double[][] rotated = new double[p][n];
    double[][] rotatedProduct = new double[p][n];
    for (int r = 0; r < p; r++) {
      double[] v = eigen.vectors()[r];
      for (int a = 0; a < p; a++) {
        for (int i = 0; i < n; i++) {
          rotated[r][i] += v[a] * block[a][i];
          rotatedProduct[r][i] += v[a] * product[a][i];
        }
      }
    }
    for (int r = 0; r < p; r++) {
      block[r] = rotated[r];
      product[r] = rotatedProduct[r];
    }
    return eigen.values();
  }

  private static boolean converged(WeightedEdges graph, double[] invSqrtDegree, double[][] block, double[] ritz,
      int wanted) {
    double[] mx = new double[block[0].length];
    for (int r = 0; r < wanted; r++) {
      multiply(graph, invSqrtDegree, block[r], mx);
      double s = 0;
      for (int i = 0; i < mx.length; i++) {
        double d = mx[i] - ritz[r] * block[r][i];
        s += d * d;
      }
      if (Math.sqrt(s) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** Modified Gram–Schmidt of every vector against {@code against} and the earlier vectors. */
  private static void orthonormalize(double[][] block, double[] against) {
    for (int v = 0; v < block.length; v++) {
      // twice, so cancellation cannot leave a component behind
      for (int pass = 0; pass < 2; pass++) {
        subtract(block[v], against);
        for (int u = 0; u < v; u++) {
          subtract(block[v], block[u]);
        }
      }
      normalize(block[v]);
    }
  }

  private static void subtract(double[] v, double[] unit) {
    double c = dot(v, unit);
    for (int i = 0; i < v.length; i++) {
      v[i] -= c * unit[i];
    }
  }

  private static void normalize(double[] v) {
    double norm = Math.sqrt(dot(v, v));
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Each coordinate scaled to [0, 10] (umap-learn's rescaling of any initialisation before the SGD). */
  static double[] scaled(double[] vectors, int n, int dimension) {
    double[] out = new double[vectors.length];
    for (int c = 0; c < dimension; c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, vectors[i * dimension + c]);
        max = Math.max(max, vectors[i * dimension + c]);
      }
      double range = max - min;
      for (int i = 0; i < n; i++) {
        out[i * dimension + c] = range > 0 ? UmapLayout.INIT_EXTENT * (vectors[i * dimension + c] - min) / range : 0;
      }
    }
    return out;
  }

  /** Whether every vertex is reachable from vertex 0. */
  static boolean connected(WeightedEdges graph) {
    UnionFind sets = new UnionFind(graph.size());
    int components = graph.size();
    for (int e = 0; e < graph.edgeCount(); e++) {
      int a = sets.find(graph.heads()[e]);
      int b = sets.find(graph.tails()[e]);
      if (a != b) {
        sets.linkRoots(a, b);
        components--;
      }
    }
    return components == 1;
  }
}
