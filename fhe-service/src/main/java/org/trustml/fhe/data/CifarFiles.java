package org.trustml.fhe.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.trustml.core.dataset.CifarBinaryReader;
import org.trustml.core.dataset.CifarImages;
import org.trustml.fhe.dct.ColourImages;
import org.trustml.fhe.dct.PixelImage;

/**
 * The CIFAR-10 subset of the shared datasets folder ({@code cifar10/}, see its MANIFEST.md): the first 1,000 test and
 * 2,000 training images losslessly in CIFAR's binary format, and all 10,000 test images as JPEG re-encodings
 * ({@code test-jpeg/<class>/NNNN.jpg} with {@code labels.csv}). There is no lossless training set, so the benchmark's
 * split is: test = the 1,000 lossless test images; train = the 2,000 lossless training images plus the JPEG test
 * images that are not among those 1,000 (labels.csv names the original test index of exactly those), so no test image
 * is trained on.
 */
public final class CifarFiles {

  private static final String FOLDER = "cifar10";
  private static final String TEST_BINARY = "test_batch_first1000.bin";
  private static final String TRAIN_BINARY = "data_batch_1_first2000.bin";
  private static final String JPEG_LABELS = "test-jpeg/labels.csv";

  private final Path dir;

  /** Files under {@code datasetsDir}/cifar10. */
  public CifarFiles(Path datasetsDir) {
    this.dir = datasetsDir.resolve(FOLDER);
  }

  /** Files under the datasets folder {@link IdxImageFiles#fromDefaultDir()} uses. */
  public static CifarFiles fromDefaultDir() {
    return new CifarFiles(IdxImageFiles.fromDefaultDir().datasetsDir());
  }

  /** The cifar10 folder. */
  public Path dir() {
    return dir;
  }

  /** Whether the binary subsets and the JPEG labels are there. */
  public boolean isPresent() {
    return Files.isRegularFile(dir.resolve(TEST_BINARY)) && Files.isRegularFile(dir.resolve(TRAIN_BINARY))
        && Files.isRegularFile(dir.resolve(JPEG_LABELS));
  }

  /** The 1,000 lossless test images. */
  public ColourImages test() throws IOException {
    return binary(TEST_BINARY);
  }

  /**
   * The 2,000 lossless training images, then up to {@code jpegLimit} JPEG test images (in labels.csv's order) that
   * are not among the 1,000 lossless test images.
   */
  public ColourImages train(int jpegLimit) throws IOException {
    return binary(TRAIN_BINARY).concat(jpegsOutsideTheLosslessTest(jpegLimit));
  }

  private ColourImages binary(String name) throws IOException {
    CifarImages images;
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      images = CifarBinaryReader.read(in);
    }
    int side = CifarBinaryReader.SIDE;
    List<PixelImage> out = new ArrayList<>(images.count());
    for (int i = 0; i < images.count(); i++) {
      double[][] planes = new double[3][side * side];
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            planes[c][y * side + x] = images.pixel(i, c, y, x);
          }
        }
      }
      out.add(new PixelImage(side, side, planes));
    }
    return new ColourImages(out, images.labels());
  }

  private ColourImages jpegsOutsideTheLosslessTest(int limit) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(JPEG_LABELS));
    String header = lines.isEmpty() ? "" : lines.get(0);
    if (!header.startsWith("file,label,class_name,rank_within_class,original_test_index_if_known")) {
      throw new IllegalArgumentException(dir.resolve(JPEG_LABELS) + " does not have the expected header, got '"
          + header + "'");
    }
    Set<String> seen = new HashSet<>();
    List<PixelImage> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int n = 1; n < lines.size() && images.size() < limit; n++) {
      String[] fields = lines.get(n).split(",", -1);
      if (fields.length != 5 || !seen.add(fields[0])) {
        throw new IllegalArgumentException(JPEG_LABELS + " line " + (n + 1) + ": expected 5 fields and a new file");
      }
      if (!fields[4].isEmpty() && Integer.parseInt(fields[4]) < 1000) {
        continue; // one of the lossless test images: kept out of training
      }
      images.add(jpeg(dir.resolve(fields[0])));
      labels.add(Integer.parseInt(fields[1]));
    }
    return new ColourImages(images, labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** One JPEG as R, G, B planes. */
  static PixelImage jpeg(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IllegalArgumentException(file + " is not an image ImageIO can decode");
    }
    int h = image.getHeight();
    int w = image.getWidth();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    double[][] planes = new double[3][h * w];
    for (int i = 0; i < argb.length; i++) {
      planes[0][i] = (argb[i] >> 16) & 0xff;
      planes[1][i] = (argb[i] >> 8) & 0xff;
      planes[2][i] = argb[i] & 0xff;
    }
    return new PixelImage(h, w, planes);
  }
}
