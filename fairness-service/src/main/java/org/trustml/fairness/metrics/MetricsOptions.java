package org.trustml.fairness.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the metrics are computed.
 *
 * @param minSupport         groups (and cells) with fewer rows get no rates and no gap contribution; 30 by
 *                           default (the design note's default); 1 reproduces Fairlearn, which has no minimum
 * @param bootstrapResamples B for the percentile intervals; 0 turns intervals off
 * @param confidenceLevel    of the intervals, in (0, 1)
 * @param seed               of the bootstrap's {@link java.util.SplittableRandom}
 * @param dirichletAlpha     the symmetric Dirichlet prior of ε-differential fairness: P(ŷ = y | g) is estimated as
 *                           (N_{g,y} + α) / (N_g + 2α); α = 1 (Laplace smoothing) by default, 0 is unsmoothed
 * @param nonProtected       attribute → its non-protected value, for MMM's binary convention (mmm-fair: 1 =
 *                           non-protected); attributes not named are compared over all their groups
 * @param maxListedCells     empty intersectional cells are listed while the product has at most this many cells
 */
public record MetricsOptions(int minSupport, int bootstrapResamples, double confidenceLevel, long seed,
    double dirichletAlpha, Map<String, String> nonProtected, int maxListedCells) {

  public static final int DEFAULT_MIN_SUPPORT = 30;
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final double DEFAULT_LEVEL = 0.95;
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_ALPHA = 1.0;
  public static final int DEFAULT_MAX_LISTED_CELLS = 4096;
  /** Guards the service against requests that would run for hours. */
  public static final int MAX_RESAMPLES = 100_000;

  public MetricsOptions {
    nonProtected = nonProtected == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nonProtected));
    if (minSupport < 1) {
      throw InputProblems.invalidOption("minSupport", "must be at least 1, was " + minSupport);
    }
    if (bootstrapResamples < 0 || bootstrapResamples > MAX_RESAMPLES) {
      throw InputProblems.invalidOption("bootstrapResamples",
          "must be between 0 and " + MAX_RESAMPLES + ", was " + bootstrapResamples);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw InputProblems.invalidOption("confidenceLevel", "must lie strictly between 0 and 1, was " + confidenceLevel);
    }
    if (!(dirichletAlpha >= 0) || Double.isInfinite(dirichletAlpha)) {
      throw InputProblems.invalidOption("dirichletAlpha", "must be finite and ≥ 0, was " + dirichletAlpha);
    }
    if (maxListedCells < 0) {
      throw InputProblems.invalidOption("maxListedCells", "must be ≥ 0, was " + maxListedCells);
    }
  }

  public static MetricsOptions defaults() {
    return new MetricsOptions(DEFAULT_MIN_SUPPORT, DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_SEED, DEFAULT_ALPHA,
        Map.of(), DEFAULT_MAX_LISTED_CELLS);
  }

  public MetricsOptions withMinSupport(int minSupport) {
    return new MetricsOptions(minSupport, bootstrapResamples, confidenceLevel, seed, dirichletAlpha, nonProtected,
        maxListedCells);
  }

  public MetricsOptions withBootstrap(int resamples, double level, long seed) {
    return new MetricsOptions(minSupport, resamples, level, seed, dirichletAlpha, nonProtected, maxListedCells);
  }

  public MetricsOptions withDirichletAlpha(double alpha) {
    return new MetricsOptions(minSupport, bootstrapResamples, confidenceLevel, seed, alpha, nonProtected,
        maxListedCells);
  }

  public MetricsOptions withNonProtected(Map<String, String> nonProtected) {
    return new MetricsOptions(minSupport, bootstrapResamples, confidenceLevel, seed, dirichletAlpha, nonProtected,
        maxListedCells);
  }

  public MetricsOptions withMaxListedCells(int maxListedCells) {
    return new MetricsOptions(minSupport, bootstrapResamples, confidenceLevel, seed, dirichletAlpha, nonProtected,
        maxListedCells);
  }

  Bootstrap bootstrap() {
    return new Bootstrap(bootstrapResamples, confidenceLevel, seed);
  }
}
