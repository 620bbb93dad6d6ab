package org.trustml.core.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Image-folder ZIP archives for tests, built in memory with ImageIO and ZipOutputStream. */
public final class ImageFolderZips {

  private ImageFolderZips() {}

  /** A ZIP of {@code name, bytes} pairs in this order; a name ending in '/' is a folder entry (its bytes ignored). */
  public static byte[] zip(Object... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < entries.length; i += 2) {
        String name = (String) entries[i];
        z.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          z.write((byte[]) entries[i + 1]);
        }
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The image as PNG bytes. */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * {@code classes} classes ({@code class-0} …) of {@code perClass} RGB {@code side x side} PNGs under the top-level
   * folder {@code top}: class c lights colour channel c % 3 along a class-dependent stripe (a row, a column or the
   * diagonal), over seeded noise in every channel. The entries are listed class by class, in reverse, so a reader
   * cannot rely on archive order.
   */
  public static byte[] colourPatterns(int classes, int perClass, int side, long seed, String top) {
    Random random = new Random(seed);
    List<Object> entries = new ArrayList<>();
    for (int c = classes - 1; c >= 0; c--) {
      for (int i = 0; i < perClass; i++) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            int stripe = switch (c % 3) {
              case 0 -> y == side / 2 ? 1 : 0;
              case 1 -> x == side / 2 ? 1 : 0;
              default -> x == y ? 1 : 0;
            };
            int[] rgb = {random.nextInt(60), random.nextInt(60), random.nextInt(60)};
            rgb[c % 3] += 60 + 120 * stripe;
            image.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
          }
        }
        entries.add(top + "/class-" + c + "/img-" + String.format("%03d", i) + ".png");
        entries.add(png(image));
      }
    }
    return zip(entries.toArray());
  }
}
