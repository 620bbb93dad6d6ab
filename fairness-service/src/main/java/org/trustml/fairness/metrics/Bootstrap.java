package org.trustml.fairness.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The nonparametric bootstrap with percentile intervals. A resample draws n rows with replacement (not stratified
 * by group: a small group may lose all its rows, which then shows as an undefined resample, honestly widening
 * or voiding the interval). A resample is represented by how often each row was drawn, so statistics are
 * recomputed from weighted counts without copying data.
 *
 * <p>Every call of {@link #replicate} starts a fresh {@link SplittableRandom} from the seed, so two statistics of
 * the same rows see the same resamples: their replicates can be combined row by row (the additive view's max and
 * sum over attributes do this), and a seed reproduces every interval.
 */
public final class Bootstrap {

  private final int resamples;
  private final double level;
  private final long seed;

  /**
   * @param resamples B; 0 turns intervals off
   * @param level     the confidence level, in (0, 1)
   */
  public Bootstrap(int resamples, double level, long seed) {
    if (resamples < 0) {
      throw new IllegalArgumentException("resamples must be ≥ 0");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1)");
    }
    this.resamples = resamples;
    this.level = level;
    this.seed = seed;
  }

  public boolean enabled() {
    return resamples > 0;
  }

  public int resamples() {
    return resamples;
  }

  /**
   * Evaluates {@code statistic} on B resamples of n rows.
   *
   * @param statistic from the multiplicity of each row to a vector of statistics (NaN where undefined); it must
   *                  not keep the array, which is reused
   * @return B rows of statistics
   */
  public double[][] replicate(int n, Function<int[], double[]> statistic) {
    double[][] out = new double[resamples][];
    SplittableRandom random = new SplittableRandom(seed);
    int[] weights = new int[n];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(weights, 0);
      for (int i = 0; i < n; i++) {
        weights[random.nextInt(n)]++;
      }
      out[b] = statistic.apply(weights);
    }
    return out;
  }

  /** The interval of statistic {@code column} of {@link #replicate}'s result; {@code null} when off. */
  public ConfidenceInterval interval(double[][] replicates, int column) {
    if (!enabled()) {
      return null;
    }
    double[] values = new double[replicates.length];
    for (int b = 0; b < replicates.length; b++) {
      values[b] = replicates[b][column];
    }
    return interval(values);
  }

  /** The percentile interval of B replicate values of one statistic; {@code null} when off. */
  public ConfidenceInterval interval(double[] values) {
    if (!enabled()) {
      return null;
    }
    double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int undefined = values.length - defined.length;
    double tail = (1 - level) / 2;
    if (defined.length == 0 || undefined > tail * values.length) {
      return new ConfidenceInterval(Double.NaN, Double.NaN, level, values.length, undefined);
    }
    return new ConfidenceInterval(quantile(defined, tail), quantile(defined, 1 - tail), level, values.length,
        undefined);
  }

  /** The q-quantile of sorted values, interpolating linearly between order statistics (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double h = q * (sorted.length - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double lower = sorted[lo];
    double upper = sorted[hi];
    // equal neighbours (and ±infinity) need no interpolation, which would give NaN for inf − inf
    return lower == upper ? lower : lower + (h - lo) * (upper - lower);
  }
}
