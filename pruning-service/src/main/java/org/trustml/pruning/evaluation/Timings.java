package org.trustml.pruning.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Wall times of the evaluation's stages, in the order they ran. Not thread-safe. */
final class Timings {

  private final List<EvaluationReport.Timing> entries = new ArrayList<>();

  /** Records the time since {@code startNanos} (a {@link System#nanoTime()} value). */
  void add(String stage, long startNanos) {
    entries.add(new EvaluationReport.Timing(stage, (System.nanoTime() - startNanos) / 1e9));
  }

  List<EvaluationReport.Timing> entries() {
    return List.copyOf(entries);
  }
}
