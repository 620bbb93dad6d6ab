package org.trustml.pruning.manifold;

/**
 * UMAP's fuzzy simplicial set of a kNN graph (arXiv 1802.03426, §3.1; umap-learn {@code smooth_knn_dist} and
 * {@code fuzzy_simplicial_set}). Per point i: ρ_i = distance to its nearest neighbour, σ_i by binary search so that
 * Σ_j exp(−max(0, d_ij − ρ_i)/σ_i) = log2 k over its k neighbours; directed memberships
 * p_{j|i} = exp(−max(0, d_ij − ρ_i)/σ_i); symmetrised by fuzzy union w_ij = p_{j|i} + p_{i|j} − p_{j|i}·p_{i|j}.
 *
 * <p>Deviation from umap-learn: its kNN lists include the point itself, so its "k" counts self and the sum runs
 * over k − 1 others; here the lists exclude self and the sum runs over all k, as the design note writes it. Like
 * umap-learn, σ_i is floored at 1e-3 × the mean neighbour distance (then the sum exceeds log2 k).
 */
public final class FuzzySimplicialSet {

  /** umap-learn's MIN_K_DIST_SCALE. */
  static final double MIN_SIGMA_SCALE = 1e-3;
  static final int MAX_BISECTIONS = 200;
  static final double SUM_TOLERANCE = 1e-12;

  private final double[] rho;
  private final double[] sigma;
  private final double[] membership;
  private final KnnGraph knn;

  private FuzzySimplicialSet(KnnGraph knn, double[] rho, double[] sigma, double[] membership) {
    this.knn = knn;
    this.rho = rho;
    this.sigma = sigma;
    this.membership = membership;
  }

  /** ρ, σ and the directed memberships of a kNN graph. */
  public static FuzzySimplicialSet of(KnnGraph knn) {
    int n = knn.size();
    int k = knn.k();
    double target = Math.log(k) / Math.log(2);
    double[] rho = new double[n];
    double[] sigma = new double[n];
    double[] membership = new double[n * k];
    for (int i = 0; i < n; i++) {
      rho[i] = nearestPositive(knn, i);
      sigma[i] = solveSigma(knn, i, rho[i], target);
      for (int r = 0; r < k; r++) {
        membership[i * k + r] = Math.exp(-Math.max(0, knn.distance(i, r) - rho[i]) / sigma[i]);
      }
    }
    return new FuzzySimplicialSet(knn, rho, sigma, membership);
  }

  /** umap-learn (local_connectivity = 1): the smallest non-zero neighbour distance, 0 if all are 0. */
  private static double nearestPositive(KnnGraph knn, int i) {
    for (int r = 0; r < knn.k(); r++) {
      if (knn.distance(i, r) > 0) {
        return knn.distance(i, r);
      }
    }
    return 0;
  }

  static double membershipSum(KnnGraph knn, int i, double rho, double sigma) {
    double sum = 0;
    for (int r = 0; r < knn.k(); r++) {
      sum += Math.exp(-Math.max(0, knn.distance(i, r) - rho) / sigma);
    }
    return sum;
  }

  /** The sum grows monotonically with σ from (#neighbours at ρ) to k, so bisection finds the target. */
  private static double solveSigma(KnnGraph knn, int i, double rho, double target) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double mid = 1;
    for (int step = 0; step < MAX_BISECTIONS; step++) {
      double sum = membershipSum(knn, i, rho, mid);
      if (Math.abs(sum - target) < SUM_TOLERANCE) {
        break;
      }
      if (sum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
      }
    }
    double mean = 0;
    for (int r = 0; r < knn.k(); r++) {
      mean += knn.distance(i, r);
    }
    mean /= knn.k();
    return Math.max(mid, MIN_SIGMA_SCALE * Math.max(mean, Double.MIN_NORMAL));
  }

  /** ρ_i. */
  public double rho(int i) {
    return rho[i];
  }

  /** σ_i. */
  public double sigma(int i) {
    return sigma[i];
  }

  /** p_{j|i} for j = the r-th neighbour of i. */
  public double membership(int i, int r) {
    return membership[i * knn.k() + r];
  }

  /** The underlying kNN graph. */
  public KnnGraph knn() {
    return knn;
  }

  /** p_{j|i}, 0 when j is not a neighbour of i. */
  public double membershipOf(int i, int j) {
    for (int r = 0; r < knn.k(); r++) {
      if (knn.neighbor(i, r) == j) {
        return membership[i * knn.k() + r];
      }
    }
    return 0;
  }

  /**
   * The fuzzy union w_ij = p_{j|i} + p_{i|j} − p_{j|i}·p_{i|j} as a symmetric edge list that holds both (i, j) and
   * (j, i) for every pair with w > 0, in a deterministic order (by i, then by i's neighbour rank, then reverse edges).
   */
  public WeightedEdges symmetrize() {
    int n = knn.size();
    int k = knn.k();
    int[] heads = new int[2 * n * k];
    int[] tails = new int[2 * n * k];
    double[] weights = new double[2 * n * k];
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < k; r++) {
        int j = knn.neighbor(i, r);
        double pji = membership[i * k + r];
        double pij = membershipOf(j, i);
        double w = pji + pij - pji * pij;
        if (w <= 0) {
          continue;
        }
        heads[count] = i;
        tails[count] = j;
        weights[count++] = w;
        // a mutual pair is emitted from both sides already
        if (!knn.contains(j, i)) {
          heads[count] = j;
          tails[count] = i;
          weights[count++] = w;
        }
      }
    }
    return new WeightedEdges(n, java.util.Arrays.copyOf(heads, count), java.util.Arrays.copyOf(tails, count),
        java.util.Arrays.copyOf(weights, count));
  }
}
