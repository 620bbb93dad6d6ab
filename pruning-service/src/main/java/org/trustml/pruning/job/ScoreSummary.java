package org.trustml.pruning.job;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Score statistics of one class (or all samples) for the result summary.
 *
 * @param median the middle value, or the mean of the two middle ones
 */
record ScoreSummary(int samples, double min, double median, double mean, double max) {

  /** Over all samples, and per class (by label value). */
  record Overall(ScoreSummary all, Map<String, ScoreSummary> byClass) {}

  static Overall of(double[] scores, LabelledEmbeddings data) {
    Map<String, ScoreSummary> out = new LinkedHashMap<>();
    int[] sizes = data.classSizes();
    double[][] perClass = new double[sizes.length][];
    int[] filled = new int[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      perClass[c] = new double[sizes[c]];
    }
    for (int i = 0; i < scores.length; i++) {
      int c = data.labels()[i];
      perClass[c][filled[c]++] = scores[i];
    }
    for (int c = 0; c < sizes.length; c++) {
      out.put(data.classes().get(c), of(perClass[c]));
    }
    return new Overall(of(scores), out);
  }

  static ScoreSummary of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new ScoreSummary(n, sorted[0], median, sum / n, sorted[n - 1]);
  }
}
