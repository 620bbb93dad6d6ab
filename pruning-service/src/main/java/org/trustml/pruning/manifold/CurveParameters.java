package org.trustml.pruning.manifold;

/**
 * The a, b of UMAP's low-dimensional similarity 1 / (1 + a·d^{2b}), fitted as umap-learn's {@code find_ab_params}
 * does: least squares against the target exp(−(d − minDist)/spread) for d > minDist (1 below) on 300 points evenly
 * spaced in [0, 3·spread]. umap-learn uses scipy's Levenberg–Marquardt; this is the same method on two parameters.
 *
 * @param a scale
 * @param b exponent
 */
public record CurveParameters(double a, double b) {

  static final int SAMPLES = 300;
  static final int MAX_ITERATIONS = 500;

  /** Fits a, b; minDist ≥ 0 and spread > minDist as in umap-learn. */
  public static CurveParameters fit(double minDist, double spread) {
    if (!(spread > 0) || !(minDist >= 0) || minDist > spread) {
      throw new IllegalArgumentException("need 0 ≤ minDist ≤ spread and spread > 0, got minDist " + minDist
          + ", spread " + spread);
    }
    double[] x = new double[SAMPLES];
    double[] y = new double[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
      x[s] = 3 * spread * s / (SAMPLES - 1);
      y[s] = x[s] < minDist ? 1 : Math.exp(-(x[s] - minDist) / spread);
    }
    double a = 1;
    double b = 1;
    double lambda = 1e-3;
    double cost = cost(x, y, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      // normal equations J^T J δ = −J^T r, with Marquardt's diagonal damping
      double jaa = 0;
      double jab = 0;
      double jbb = 0;
      double ga = 0;
      double gb = 0;
      for (int s = 1; s < SAMPLES; s++) {
        double p = Math.pow(x[s], 2 * b);
        double f = 1 / (1 + a * p);
        double r = f - y[s];
        double da = -p * f * f;
        double db = -a * p * 2 * Math.log(x[s]) * f * f;
        jaa += da * da;
        jab += da * db;
        jbb += db * db;
        ga += da * r;
        gb += db * r;
      }
      double maa = jaa * (1 + lambda);
      double mbb = jbb * (1 + lambda);
      double det = maa * mbb - jab * jab;
      double stepA = -(mbb * ga - jab * gb) / det;
      double stepB = -(maa * gb - jab * ga) / det;
      double trial = cost(x, y, a + stepA, b + stepB);
      if (trial < cost) {
        boolean converged = cost - trial < 1e-15 * Math.max(cost, 1e-300);
        a += stepA;
        b += stepB;
        cost = trial;
        lambda /= 10;
        if (converged) {
          break;
        }
      } else {
        lambda *= 10;
        if (lambda > 1e12) {
          break;
        }
      }
    }
    return new CurveParameters(a, b);
  }

  private static double cost(double[] x, double[] y, double a, double b) {
    if (!(a > 0) || !Double.isFinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    double c = 0;
    for (int s = 0; s < x.length; s++) {
      double f = x[s] == 0 ? 1 : 1 / (1 + a * Math.pow(x[s], 2 * b));
      c += (f - y[s]) * (f - y[s]);
    }
    return c;
  }
}
