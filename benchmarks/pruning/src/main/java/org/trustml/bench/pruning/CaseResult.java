package org.trustml.bench.pruning;

import java.util.Arrays;

/**
 * One cloud's measurements: repeated timings of both engines and the two agreement checks.
 *
 * @param name        short label for the summary table
 * @param description how the cloud was made
 * @param ours        seconds per repetition, our engine
 * @param ripser      seconds per repetition, the ripser process
 * @param threshold   the enclosing radius both stopped at
 * @param h0Pairs     our H0 pair count
 * @param h1Pairs     our H1 pair count
 */
record CaseResult(String name, String description, double[] ours, double[] ripser, double threshold, int h0Pairs,
    int h1Pairs, DiagramComparison floatH0, DiagramComparison floatH1, DiagramComparison exactH0,
    DiagramComparison exactH1) {

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  double ratio() {
    return median(ours) / median(ripser);
  }

  boolean agrees() {
    return floatH0.agreesWithin(PruningBenchmark.FLOAT_TOLERANCE)
        && floatH1.agreesWithin(PruningBenchmark.FLOAT_TOLERANCE)
        && exactH0.agreesWithin(PruningBenchmark.EXACT_TOLERANCE)
        && exactH1.agreesWithin(PruningBenchmark.EXACT_TOLERANCE);
  }
}
