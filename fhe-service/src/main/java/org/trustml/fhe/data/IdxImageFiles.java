package org.trustml.fhe.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.trustml.core.dataset.IdxIntArray;
import org.trustml.core.dataset.IdxReader;
import org.trustml.fhe.dct.LabelledImages;

/**
 * Loads MNIST and Fashion-MNIST from their IDX files ({@code <dataset>/<split>-images-idx3-ubyte[.gz]} and
 * {@code -labels-idx1-ubyte[.gz]}) under a datasets folder, through platform-core's {@link IdxReader}. The folder is
 * configurable: the system property {@value #DATASETS_DIR_PROPERTY}, else {@code ../shared/datasets}.
 */
public final class IdxImageFiles {

  /** System property naming the datasets folder (the build sets it for tests). */
  public static final String DATASETS_DIR_PROPERTY = "trustml.datasets.dir";
  /** MNIST's folder name. */
  public static final String MNIST = "mnist";
  /** Fashion-MNIST's folder name. */
  public static final String FASHION_MNIST = "fashion-mnist";

  /** The two splits and their file-name prefixes. */
  public enum Split {
    /** 60,000 training images. */
    TRAIN("train"),
    /** 10,000 test images. */
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Path datasetsDir;

  /** Files under {@code datasetsDir}. */
  public IdxImageFiles(Path datasetsDir) {
    this.datasetsDir = datasetsDir;
  }

  /** Files under the configured default folder. */
  public static IdxImageFiles fromDefaultDir() {
    String configured = System.getProperty(DATASETS_DIR_PROPERTY);
    return new IdxImageFiles(Path.of(configured != null && !configured.isBlank() ? configured : "../shared/datasets"));
  }

  /** The datasets folder. */
  public Path datasetsDir() {
    return datasetsDir;
  }

  /** The images file of a split, gzip-compressed or not, whichever exists (the .gz name if neither). */
  public Path imagesFile(String dataset, Split split) {
    return existing(dataset, split.prefix + "-images-idx3-ubyte");
  }

  /** The labels file of a split. */
  public Path labelsFile(String dataset, Split split) {
    return existing(dataset, split.prefix + "-labels-idx1-ubyte");
  }

  /** Whether both files of a split are there. */
  public boolean isPresent(String dataset, Split split) {
    return Files.isRegularFile(imagesFile(dataset, split)) && Files.isRegularFile(labelsFile(dataset, split));
  }

  /**
   * Loads a split.
   *
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if the files are not n x h x w images with n labels
   */
  public LabelledImages load(String dataset, Split split) throws IOException {
    IdxIntArray images = read(imagesFile(dataset, split));
    IdxIntArray labels = read(labelsFile(dataset, split));
    int[] shape = images.shape();
    if (shape.length != 3 || labels.shape().length != 1 || labels.shape()[0] != shape[0]) {
      throw new IllegalArgumentException(dataset + " " + split + ": expected n x h x w images and n labels, got shapes "
          + Arrays.toString(shape) + " and " + Arrays.toString(labels.shape()));
    }
    return new LabelledImages(shape[0], shape[1], shape[2], images.data(), labels.data());
  }

  private static IdxIntArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return IdxReader.readInts(in);
    }
  }

  private Path existing(String dataset, String name) {
    Path plain = datasetsDir.resolve(dataset).resolve(name);
    Path gzipped = datasetsDir.resolve(dataset).resolve(name + ".gz");
    return Files.isRegularFile(plain) ? plain : gzipped;
  }
}
