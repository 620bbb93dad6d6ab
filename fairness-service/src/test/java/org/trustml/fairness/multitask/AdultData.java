package org.trustml.fairness.multitask;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.trustml.fairness.data.sets.SharedDatasets;

/** The Adult multi-task split for tests, loaded once; tests skip when the dataset is not there. */
final class AdultData {

  static final int CHUNKS = 8;
  static final long SEED = 42;

  private static MultiTaskSplit split;

  private AdultData() {}

  static synchronized MultiTaskSplit split() {
    Optional<Path> dir = SharedDatasets.find("adult");
    assumeTrue(
        dir.isPresent(),
        "skipped: shared/datasets/adult is absent (set -D" + "trustml.datasets.dir" + " to the datasets dir)");
    if (split == null) {
      split = AdultMultiTask.load(dir.get(), CHUNKS, SEED);
    }
    return split;
  }
}
