package org.trustml.pruning.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.ml.ArrayLoaders;
import org.trustml.ml.ArrayOptions;
import org.trustml.ml.ByteSource;
import org.trustml.ml.LabeledData;

/**
 * Fashion-MNIST's IDX files in the shared datasets folder: property {@code trustml.datasets.dir} (the build sets
 * it), else {@code ../shared/datasets}; loaded through platform-ml's IDX loader as N x 1 x 28 x 28 in [0, 1].
 */
final class FashionMnist {

  private FashionMnist() {}

  static Path folder() {
    String configured = System.getProperty("trustml.datasets.dir");
    Path base = Path.of(configured != null && !configured.isBlank() ? configured : "../shared/datasets");
    return base.resolve("fashion-mnist");
  }

  /** Whether the split's two files are there. */
  static boolean present(String prefix) {
    return Files.isRegularFile(folder().resolve(prefix + "-images-idx3-ubyte.gz"))
        && Files.isRegularFile(folder().resolve(prefix + "-labels-idx1-ubyte.gz"));
  }

  /**
   * @param prefix {@code train} or {@code t10k}
   * @param limit  the first {@code limit} images (all when larger)
   */
  static LabeledData load(NDManager manager, String prefix, int limit) throws IOException {
    LabeledData all = ArrayLoaders.idx(ByteSource.of(folder().resolve(prefix + "-images-idx3-ubyte.gz")),
        ByteSource.of(folder().resolve(prefix + "-labels-idx1-ubyte.gz")), manager, ArrayOptions.images());
    if (limit >= all.size()) {
      return all;
    }
    NDArray x = all.features().get(new NDIndex("0:{}", limit));
    NDArray y = all.labels().get(new NDIndex("0:{}", limit));
    return new LabeledData(x, y);
  }
}
