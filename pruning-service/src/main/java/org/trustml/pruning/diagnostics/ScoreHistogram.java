package org.trustml.pruning.diagnostics;

/**
 * A histogram of one class's scores: {@code bins} equal-width bins over [min, max] of the scores (the last bin
 * closed, so the maximum is counted), with how many samples of each bin were kept.
 *
 * @param edges bins + 1 ascending edges; bin b is [edges[b], edges[b+1])
 * @param total samples per bin
 * @param kept  kept samples per bin; null when no selection was given
 */
public record ScoreHistogram(double[] edges, int[] total, int[] kept) {

  /**
   * @param scores the class's scores, finite, at least one
   * @param kept   per score whether it was kept, or null
   * @param bins   ≥ 1; when every score is equal they all fall in the first bin
   */
  public static ScoreHistogram of(double[] scores, boolean[] kept, int bins) {
    if (bins < 1 || scores.length == 0) {
      throw new IllegalArgumentException("a histogram needs ≥ 1 bin and ≥ 1 score, got " + bins + " and "
          + scores.length);
    }
    if (kept != null && kept.length != scores.length) {
      throw new IllegalArgumentException(kept.length + " kept flags for " + scores.length + " scores");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      if (!Double.isFinite(s)) {
        throw new IllegalArgumentException("scores must be finite, got " + s);
      }
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = lo + (hi - lo) * b / bins;
    }
    edges[bins] = hi;
    int[] total = new int[bins];
    int[] keptCounts = kept == null ? null : new int[bins];
    for (int i = 0; i < scores.length; i++) {
      int b = bin(scores[i], lo, hi, bins);
      total[b]++;
      if (kept != null && kept[i]) {
        keptCounts[b]++;
      }
    }
    return new ScoreHistogram(edges, total, keptCounts);
  }

  /** The bin of s: floor((s − lo) / width), the maximum in the last bin. */
  static int bin(double s, double lo, double hi, int bins) {
    if (hi <= lo) {
      return 0;
    }
    int b = (int) Math.floor((s - lo) / (hi - lo) * bins);
    return Math.min(bins - 1, Math.max(0, b));
  }
}
