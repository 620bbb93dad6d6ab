package org.trustml.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.trustml.core.dataset.ImageFolderArchive;

/**
 * Loads {@code root/<class>/*.png|jpg|jpeg} into an N x C x H x W float32 array in [0, 1] with int32 class codes,
 * classes being the sub-folders in sorted order (as torchvision's ImageFolder). Decoding uses {@link ImageIO}, so no
 * model zoo or native image library is involved. Files with other extensions and hidden files are skipped. The same
 * folder zipped (the catalog's image-folder format) loads through {@link #load(ByteSource, ImageFolderOptions,
 * NDManager)}.
 */
public final class ImageFolderLoader {

  private ImageFolderLoader() {}

  /**
   * Reads every class folder under {@code root}.
   *
   * @param manager owns the arrays
   * @throws IllegalArgumentException if there is no class folder, a class has no image, an image cannot be decoded,
   *     or sizes differ and no size was given (the message names the file)
   */
  public static ImageFolder load(Path root, ImageFolderOptions options, NDManager manager) throws IOException {
    List<Path> classDirs = sorted(root, Files::isDirectory);
    if (classDirs.isEmpty()) {
      throw new IllegalArgumentException("no class folder under " + root);
    }
    List<String> classes = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path dir : classDirs) {
      List<Path> images = sorted(dir, ImageFolderLoader::isImage);
      if (images.isEmpty()) {
        throw new IllegalArgumentException("class folder " + dir + " has no .png, .jpg or .jpeg file");
      }
      if (options.maxPerClass() > 0 && images.size() > options.maxPerClass()) {
        images = images.subList(0, options.maxPerClass());
      }
      for (Path image : images) {
        files.add(image);
        labels.add(classes.size());
      }
      classes.add(dir.getFileName().toString());
    }

    int c = options.channels();
    int h = options.height();
    int w = options.width();
    float[] pixels = null;
    for (int n = 0; n < files.size(); n++) {
      BufferedImage image = read(files.get(n));
      if (h == 0) {
        h = image.getHeight();
        w = image.getWidth();
      }
      if (image.getHeight() != h || image.getWidth() != w) {
        if (options.height() == 0) {
          throw new IllegalArgumentException(
              files.get(n) + " is " + image.getWidth() + "x" + image.getHeight() + " but the first image is "
                  + w + "x" + h + "; give a size to resize");
        }
        image = resize(image, w, h);
      }
      if (pixels == null) {
        long total = (long) files.size() * c * h * w;
        if (total > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException(
              files.size() + " images of " + c + "x" + h + "x" + w + " are more values than a Java array holds");
        }
        pixels = new float[(int) total];
      }
      writeChw(image, c, h, w, pixels, n * c * h * w);
    }
    NDArray x = manager.create(pixels, new Shape(files.size(), c, h, w));
    NDArray y = manager.create(labels.stream().mapToInt(Integer::intValue).toArray());
    return new ImageFolder(new LabeledData(x, y), classes, files);
  }

  /**
   * Reads an image folder shipped as one ZIP archive, as the catalog stores it (platform-core's
   * {@link ImageFolderArchive}: {@code <class>/<image>}, optionally under one top-level folder): extracts it through
   * the archive's checked walk into a temporary folder, deleted afterwards, and reads that as {@link #load(Path,
   * ImageFolderOptions, NDManager)} does, so both give the same arrays for the same images.
   *
   * @return the images; {@link ImageFolder#files()} are the paths {@code <class>/<file>} inside the archive's folder
   * @throws org.trustml.core.web.ProblemException {@code malformed-image-folder} for an archive the catalog would refuse
   */
  public static ImageFolder load(ByteSource zip, ImageFolderOptions options, NDManager manager) throws IOException {
    Path dir = Files.createTempDirectory("trustml-image-folder-");
    try {
      try (InputStream in = zip.open()) {
        ImageFolderArchive.extract(in, dir);
      }
      ImageFolder folder = load(dir, options, manager);
      return new ImageFolder(folder.data(), folder.classes(), folder.files().stream().map(dir::relativize).toList());
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Writes one image channel-first, each value in [0, 1] (modified: {@code out} from {@code offset}). A greyscale
   * image's stored levels are read as they are (divided by the largest level, one channel or repeated in three):
   * {@link BufferedImage#getRGB} would convert Java's linear grey to sRGB and brighten them (96 becomes 165).
   */
  static void writeChw(BufferedImage image, int channels, int h, int w, float[] out, int offset) {
    if (isGrey(image)) {
      writeGrey(image, channels, h, w, out, offset);
      return;
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int plane = h * w;
    for (int i = 0; i < plane; i++) {
      int p = argb[i];
      float r = ((p >> 16) & 0xff) / 255f;
      float g = ((p >> 8) & 0xff) / 255f;
      float b = (p & 0xff) / 255f;
      if (channels == 1) {
        out[offset + i] = 0.299f * r + 0.587f * g + 0.114f * b;
      } else {
        out[offset + i] = r;
        out[offset + plane + i] = g;
        out[offset + 2 * plane + i] = b;
      }
    }
  }

  /** Whether the image stores grey levels (with or without alpha), whatever their bit depth. */
  static boolean isGrey(BufferedImage image) {
    return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(image.getColorModel() instanceof IndexColorModel);
  }

  private static void writeGrey(BufferedImage image, int channels, int h, int w, float[] out, int offset) {
    Raster raster = image.getRaster();
    float max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
    int[] levels = raster.getSamples(0, 0, w, h, 0, (int[]) null);
    int plane = h * w;
    for (int i = 0; i < plane; i++) {
      float v = levels[i] / max;
      for (int ch = 0; ch < channels; ch++) {
        out[offset + ch * plane + i] = v;
      }
    }
  }

  private static BufferedImage read(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IllegalArgumentException(file + " is not an image ImageIO can decode");
    }
    return image;
  }

  /** Scales bilinearly; grey stays grey at its bit depth, so no colour conversion touches the levels. */
  private static BufferedImage resize(BufferedImage image, int w, int h) {
    int type = !isGrey(image) ? BufferedImage.TYPE_INT_RGB
        : image.getRaster().getSampleModel().getSampleSize(0) > 8 ? BufferedImage.TYPE_USHORT_GRAY
        : BufferedImage.TYPE_BYTE_GRAY;
    BufferedImage out = new BufferedImage(w, h, type);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static boolean isImage(Path file) {
    return Files.isRegularFile(file) && ImageFolderArchive.isImageName(file.getFileName().toString());
  }

  private static List<Path> sorted(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(keep)
          .sorted()
          .toList();
    }
  }
}
