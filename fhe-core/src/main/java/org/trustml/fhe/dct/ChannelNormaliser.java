package org.trustml.fhe.dct;

import java.util.List;

/**
 * Step 5 of the front-end: per-channel standardisation (x - mean) / std with statistics recomputed on our own
 * training data, as the note asks (the paper's static tables belong to its data). Immutable.
 */
public final class ChannelNormaliser {

  /** A channel whose spread is below this is only centred (constant maps would otherwise divide by zero). */
  public static final double MIN_STD = 1e-9;

  private final double[] mean;
  private final double[] std;

  private ChannelNormaliser(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  /** Mean and population standard deviation of every channel over all maps of {@code samples} (not modified). */
  public static ChannelNormaliser fit(List<DctFeatures> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to fit the channel statistics on");
    }
    int channels = samples.get(0).channelCount();
    double[] sum = new double[channels];
    double[] sumSquares = new double[channels];
    long count = 0;
    for (DctFeatures sample : samples) {
      if (sample.channelCount() != channels) {
        throw new IllegalArgumentException("samples have " + channels + " and " + sample.channelCount() + " channels");
      }
      for (int c = 0; c < channels; c++) {
        for (double v : sample.channels()[c]) {
          sum[c] += v;
          sumSquares[c] += v * v;
        }
      }
      count += sample.channels()[0].length;
    }
    double[] mean = new double[channels];
    double[] std = new double[channels];
    for (int c = 0; c < channels; c++) {
      mean[c] = sum[c] / count;
      std[c] = Math.sqrt(Math.max(0, sumSquares[c] / count - mean[c] * mean[c]));
    }
    return new ChannelNormaliser(mean, std);
  }

  /**
   * The same centring with one common scale, the root mean square of the channels' standard deviations, instead of
   * each channel's own: the coefficients keep their relative sizes (the orthonormal DCT's geometry), so small
   * high-frequency channels are not blown up to unit variance. On CIFAR-10 with a dense x^2 network per-channel
   * scaling overfits (benchmarks/fhe/RESULTS.md); the common scale does not.
   */
  public ChannelNormaliser withCommonScale() {
    double squares = 0;
    for (double s : std) {
      squares += s * s;
    }
    double[] common = new double[std.length];
    java.util.Arrays.fill(common, Math.sqrt(squares / std.length));
    return new ChannelNormaliser(mean, common);
  }

  /**
   * Statistics fitted elsewhere (e.g. by the training job, read back by a client to compute the same inputs).
   *
   * @throws IllegalArgumentException for arrays of different lengths, empty ones, or a negative or non-finite value
   */
  public static ChannelNormaliser of(double[] means, double[] stds) {
    if (means.length == 0 || means.length != stds.length) {
      throw new IllegalArgumentException("need one mean and one std per channel, got " + means.length + " means and "
          + stds.length + " stds");
    }
    for (int c = 0; c < means.length; c++) {
      if (!Double.isFinite(means[c]) || !Double.isFinite(stds[c]) || stds[c] < 0) {
        throw new IllegalArgumentException("channel " + c + ": mean " + means[c] + ", std " + stds[c]
            + " (finite, std >= 0)");
      }
    }
    return new ChannelNormaliser(means.clone(), stds.clone());
  }

  /** Per-channel means (a copy). */
  public double[] means() {
    return mean.clone();
  }

  /** Per-channel standard deviations (a copy). */
  public double[] stds() {
    return std.clone();
  }

  /** Standardised copy of {@code features} (not modified). */
  public DctFeatures apply(DctFeatures features) {
    if (features.channelCount() != mean.length) {
      throw new IllegalArgumentException("fitted on " + mean.length + " channels, got " + features.channelCount());
    }
    double[][] out = new double[mean.length][];
    for (int c = 0; c < out.length; c++) {
      double[] in = features.channels()[c];
      double scale = std[c] < MIN_STD ? 1 : 1 / std[c];
      out[c] = new double[in.length];
      for (int k = 0; k < in.length; k++) {
        out[c][k] = (in[k] - mean[c]) * scale;
      }
    }
    return new DctFeatures(features.mapSize(), out, features.sourceIndices().clone());
  }
}
