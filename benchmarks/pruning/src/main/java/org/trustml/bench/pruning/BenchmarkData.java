package org.trustml.bench.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.core.dataset.CifarBinaryReader;
import org.trustml.core.dataset.CifarImages;
import org.trustml.ml.ArrayLoaders;
import org.trustml.ml.ArrayOptions;
import org.trustml.ml.ByteSource;
import org.trustml.ml.LabeledData;

/**
 * The shared datasets the benchmark reads ({@code trustml.datasets.dir}, else {@code ../shared/datasets}): Fashion-MNIST's
 * IDX files and the CIFAR-10 subset's binary batches, as N x C x H x W float images in [0, 1] with int32 labels.
 */
final class BenchmarkData {

  static final String CIFAR_TRAIN = "data_batch_1_first2000.bin";
  static final String CIFAR_TEST = "test_batch_first1000.bin";

  private BenchmarkData() {}

  static Path datasets() {
    String configured = System.getProperty("trustml.datasets.dir");
    return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/datasets");
  }

  static boolean fashionMnistPresent() {
    Path folder = datasets().resolve("fashion-mnist");
    return Files.isRegularFile(folder.resolve("train-images-idx3-ubyte.gz"))
        && Files.isRegularFile(folder.resolve("t10k-images-idx3-ubyte.gz"));
  }

  static boolean cifarPresent() {
    Path folder = datasets().resolve("cifar10");
    return Files.isRegularFile(folder.resolve(CIFAR_TRAIN)) && Files.isRegularFile(folder.resolve(CIFAR_TEST));
  }

  /**
   * @param prefix {@code train} or {@code t10k}
   * @param limit  the first {@code limit} images (all when larger)
   */
  static LabeledData fashionMnist(NDManager manager, String prefix, int limit) throws IOException {
    Path folder = datasets().resolve("fashion-mnist");
    LabeledData all = ArrayLoaders.idx(ByteSource.of(folder.resolve(prefix + "-images-idx3-ubyte.gz")),
        ByteSource.of(folder.resolve(prefix + "-labels-idx1-ubyte.gz")), manager, ArrayOptions.images());
    if (limit >= all.size()) {
      return all;
    }
    NDArray x = all.features().get(new NDIndex("0:{}", limit));
    NDArray y = all.labels().get(new NDIndex("0:{}", limit));
    return new LabeledData(x, y);
  }

  /** One of the CIFAR-10 subset's binary files, pixels divided by 255. */
  static LabeledData cifar(NDManager manager, String file) throws IOException {
    CifarImages images;
    try (InputStream in = Files.newInputStream(datasets().resolve("cifar10").resolve(file))) {
      images = CifarBinaryReader.read(in);
    }
    float[] pixels = new float[images.pixels().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (images.pixels()[i] & 0xff) / 255f;
    }
    int side = CifarBinaryReader.SIDE;
    return new LabeledData(manager.create(pixels, new Shape(images.count(), 3, side, side)),
        manager.create(images.labels()));
  }
}
