package org.trustml.fairness.boost;

import java.util.Arrays;

/**
 * A training set's features reduced once to small bin indices, so that trees search splits over at most
 * {@link #MAX_BINS} candidate thresholds per feature instead of over every distinct value.
 *
 * <p>A feature with at most {@code maxBins} distinct values gets one bin per value (binary and one-hot columns get
 * exactly two); otherwise bins are quantiles of the values. Every boundary between bins {@code b} and {@code b + 1}
 * has a float threshold strictly between the largest training value of bin {@code b} and the smallest of bin
 * {@code b + 1}, so a tree whose splits are stored as {@code x[f] <= threshold} sends raw rows exactly where the
 * binned training rows went.
 *
 * <p>Bins are kept twice: column-major bytes for partitioning rows at a split, and a sparse row-major list of the
 * entries that differ from each feature's most frequent ("default") bin for building histograms; the default bin's
 * totals are recovered by subtraction, which makes one-hot data cheap.
 */
public final class BinnedFeatures {

  /** The most bins a feature can have (bin indices are stored as unsigned bytes). */
  public static final int MAX_BINS = 255;

  private final int rows;
  private final int width;
  private final int[] binCount;
  private final int[] binOffset;
  private final int totalBins;
  private final int[] defaultBin;
  private final float[][] upperThreshold;
  private final byte[] columns;
  private final int[] rowStart;
  private final int[] entryBin;

  private BinnedFeatures(int rows, int width, int[] binCount, int[] defaultBin, float[][] upperThreshold,
      byte[] columns) {
    this.rows = rows;
    this.width = width;
    this.binCount = binCount;
    this.defaultBin = defaultBin;
    this.upperThreshold = upperThreshold;
    this.columns = columns;
    this.binOffset = new int[width + 1];
    for (int f = 0; f < width; f++) {
      binOffset[f + 1] = binOffset[f] + binCount[f];
    }
    this.totalBins = binOffset[width];
    this.rowStart = new int[rows + 1];
    int entries = 0;
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < width; f++) {
        if (bin(f, i) != defaultBin[f]) {
          entries++;
        }
      }
    }
    // one int per stored entry: the global histogram slot (feature offset + bin)
    this.entryBin = new int[entries];
    int k = 0;
    for (int i = 0; i < rows; i++) {
      rowStart[i] = k;
      for (int f = 0; f < width; f++) {
        int b = bin(f, i);
        if (b != defaultBin[f]) {
          entryBin[k++] = binOffset[f] + b;
        }
      }
    }
    rowStart[rows] = k;
  }

  /**
   * Bins the row-major {@code features} ({@code rows × width}).
   *
   * @param maxBins the most bins per feature, 2 … {@link #MAX_BINS}
   * @throws IllegalArgumentException on NaN or infinite values or a bad {@code maxBins}
   */
  public static BinnedFeatures of(float[] features, int width, int maxBins) {
    if (maxBins < 2 || maxBins > MAX_BINS) {
      throw new IllegalArgumentException("maxBins must be in 2.." + MAX_BINS + ", was " + maxBins);
    }
    if (width < 1 || features.length % width != 0) {
      throw new IllegalArgumentException("features must hold whole rows of " + width + " values");
    }
    int n = features.length / width;
    int[] binCount = new int[width];
    int[] defaultBin = new int[width];
    float[][] upper = new float[width][];
    byte[] columns = new byte[n * width];
    float[] column = new float[n];
    float[] sorted = new float[n];
    for (int f = 0; f < width; f++) {
      for (int i = 0; i < n; i++) {
        float v = features[i * width + f];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("feature " + f + " row " + i + " is not a finite number: " + v);
        }
        column[i] = v;
      }
      System.arraycopy(column, 0, sorted, 0, n);
      Arrays.sort(sorted);
      float[] lastValueOfBin = binUpperValues(sorted, maxBins);
      int bins = lastValueOfBin.length;
      binCount[f] = bins;
      upper[f] = thresholds(sorted, lastValueOfBin);
      int[] counts = new int[bins];
      for (int i = 0; i < n; i++) {
        int b = binOf(lastValueOfBin, column[i]);
        columns[f * n + i] = (byte) b;
        counts[b]++;
      }
      int best = 0;
      for (int b = 1; b < bins; b++) {
        if (counts[b] > counts[best]) {
          best = b;
        }
      }
      defaultBin[f] = best;
    }
    return new BinnedFeatures(n, width, binCount, defaultBin, upper, columns);
  }

  /** The largest value of each bin: every distinct value when few, else quantile groups of distinct values. */
  private static float[] binUpperValues(float[] sorted, int maxBins) {
    int n = sorted.length;
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    float[] values = new float[distinct];
    int[] counts = new int[distinct];
    int d = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        values[++d] = sorted[i];
      }
      counts[d]++;
    }
    if (distinct <= maxBins) {
      return values;
    }
    // close a bin once the cumulative count reaches the next quantile; a heavy value ends its own bin
    float[] out = new float[maxBins];
    int bins = 0;
    long cumulative = 0;
    for (int v = 0; v < distinct && bins < maxBins - 1; v++) {
      cumulative += counts[v];
      if (cumulative * maxBins >= (long) (bins + 1) * n) {
        out[bins++] = values[v];
      }
    }
    if (bins == 0 || out[bins - 1] != values[distinct - 1]) {
      out[bins++] = values[distinct - 1];
    }
    return Arrays.copyOf(out, bins);
  }

  /** The float threshold after each bin: the midpoint to the next training value, never reaching it. */
  private static float[] thresholds(float[] sorted, float[] lastValueOfBin) {
    float[] t = new float[lastValueOfBin.length];
    for (int b = 0; b < t.length; b++) {
      float lo = lastValueOfBin[b];
      if (b == t.length - 1) {
        t[b] = Float.MAX_VALUE;
        continue;
      }
      int idx = upperBound(sorted, lo);
      float hi = sorted[idx];
      float mid = (float) (((double) lo + (double) hi) / 2);
      t[b] = mid >= hi || mid < lo ? lo : mid;
    }
    return t;
  }

  private static int upperBound(float[] sorted, float v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (sorted[m] <= v) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  private static int binOf(float[] lastValueOfBin, float v) {
    int lo = 0;
    int hi = lastValueOfBin.length - 1;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (lastValueOfBin[m] >= v) {
        hi = m;
      } else {
        lo = m + 1;
      }
    }
    return lo;
  }

  public int rows() {
    return rows;
  }

  public int width() {
    return width;
  }

  /** The number of bins of feature {@code f}. */
  public int bins(int f) {
    return binCount[f];
  }

  /** Where feature {@code f}'s bins start in a histogram over all features. */
  int binOffset(int f) {
    return binOffset[f];
  }

  /** The number of histogram slots over all features. */
  int totalBins() {
    return totalBins;
  }

  int defaultBin(int f) {
    return defaultBin[f];
  }

  /** The bin of feature {@code f} in row {@code i}. */
  public int bin(int f, int i) {
    return columns[f * rows + i] & 0xFF;
  }

  /** Column-major bins, {@code f * rows + i}. */
  byte[] columns() {
    return columns;
  }

  int[] rowStart() {
    return rowStart;
  }

  /** Global histogram slot per stored (non-default) entry, row by row. */
  int[] entrySlots() {
    return entryBin;
  }

  /** The raw-value threshold that sends bins {@code 0 … b} of feature {@code f} left. */
  public float threshold(int f, int b) {
    return upperThreshold[f][b];
  }
}
