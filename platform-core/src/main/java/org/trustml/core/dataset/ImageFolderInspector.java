package org.trustml.core.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.trustml.core.web.ProblemException;

/**
 * Checks an image-folder archive ({@link ImageFolderArchive}) in one streaming pass: decodes every image with
 * {@link ImageIO} to prove it readable, one at a time, and requires one size of all. The summary reads as the array
 * the loaders make of it: shape {@code [n, channels, height, width]} of {@code uint8} pixels, the classes (sorted
 * folder names, a class's code being its index) with their image counts. Channels are 3 if any image has colour, 1 if
 * all are greyscale; alpha is not counted.
 */
public final class ImageFolderInspector {

  /** The most pixels one image may have (4096 x 4096): a small file can declare a huge picture. */
  public static final long MAX_PIXELS = 1L << 24;

  private ImageFolderInspector() {}

  /** Inspects with the default limits; the stream is read but not closed. */
  public static DatasetSummary inspect(InputStream in) throws IOException {
    return inspect(in, ImageFolderArchive.Limits.defaults());
  }

  /**
   * Inspects an archive; the stream is read but not closed.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-image-folder} with the {@code entry} at fault
   */
  public static DatasetSummary inspect(InputStream in, ImageFolderArchive.Limits limits) throws IOException {
    Sizes sizes = new Sizes();
    List<ImageClass> classes = ImageFolderArchive.walk(in, limits, (entry, content) ->
        sizes.accept(entry.entry(), decode(entry.entry(), content.readAllBytes())));
    long n = classes.stream().mapToLong(ImageClass::images).sum();
    int[] shape = {(int) n, sizes.channels, sizes.height, sizes.width};
    DatasetSummary array = DatasetSummary.ofArray(DatasetFormat.IMAGE_FOLDER, shape, "uint8");
    return new DatasetSummary(DatasetFormat.IMAGE_FOLDER, array.rows(), array.columns(), List.of(), array.shape(),
        array.dtype(), List.of(), classes);
  }

  /** The size and channels of the images seen so far. */
  private static final class Sizes {
    private int width;
    private int height;
    private int channels = 1;
    private String first;

    void accept(String entry, BufferedImage image) {
      if (first == null) {
        first = entry;
        width = image.getWidth();
        height = image.getHeight();
      } else if (image.getWidth() != width || image.getHeight() != height) {
        throw Problems.imageFolder(entry, "the image is " + image.getWidth() + " x " + image.getHeight() + " (width x "
            + "height) but '" + first + "' is " + width + " x " + height + "; every image must have one size");
      }
      if (image.getColorModel().getNumColorComponents() >= 3) {
        channels = 3;
      }
    }
  }

  /** Decodes one image, refusing it before decoding if its header declares more than {@link #MAX_PIXELS}. */
  static BufferedImage decode(String entry, byte[] bytes) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw notAnImage(entry, "no image decoder recognises its content");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw Problems.imageFolder(entry, "the image is " + reader.getWidth(0) + " x " + reader.getHeight(0)
              + ", more than " + MAX_PIXELS + " pixels");
        }
        BufferedImage image = reader.read(0);
        if (image.getWidth() < 1 || image.getHeight() < 1) {
          throw notAnImage(entry, "it has no pixel");
        }
        return image;
      } catch (ProblemException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // ImageIO's decoders throw either for broken data
        throw notAnImage(entry, e.getMessage());
      } finally {
        reader.dispose();
      }
    }
  }

  private static RuntimeException notAnImage(String entry, String why) {
    return Problems.imageFolder(entry, "not a readable image (" + why + ")");
  }
}
