package org.trustml.fhe.client;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.trustml.fhe.dct.LabelledImages;

/**
 * Reads unsigned-byte IDX image files (MNIST's {@code *-images-idx3-ubyte}, gzip-compressed or not) on the client.
 * The platform's general IDX reader lives in platform-core, which the client does not depend on (it brings Spring);
 * this reads only the one layout the CLI encrypts: magic 0x00000803, n x h x w bytes.
 */
public final class IdxImages {

  private static final int UBYTE_3D = 0x00000803;

  private IdxImages() {}

  /**
   * The first {@code count} images of {@code file} (all if {@code count} is larger), labels all 0 (the client does
   * not know them).
   *
   * @throws IllegalArgumentException if the file is not an unsigned-byte 3-dimensional IDX file or is truncated
   */
  public static LabelledImages read(Path file, int count) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw) : raw);
      int magic = in.readInt();
      if (magic != UBYTE_3D) {
        throw new IllegalArgumentException(file + " is not an IDX file of unsigned-byte images (magic 0x"
            + Integer.toHexString(magic) + ", expected 0x803)");
      }
      int n = in.readInt();
      int h = in.readInt();
      int w = in.readInt();
      if (n < 0 || h < 1 || w < 1 || (long) h * w > 1 << 24) {
        throw new IllegalArgumentException(file + ": implausible shape " + n + " x " + h + " x " + w);
      }
      int take = Math.min(n, count);
      byte[] bytes = new byte[take * h * w];
      try {
        in.readFully(bytes);
      } catch (java.io.EOFException e) {
        throw new IllegalArgumentException(file + " is truncated: the header announces " + n + " images of " + h
            + " x " + w, e);
      }
      int[] pixels = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        pixels[i] = bytes[i] & 0xff;
      }
      return new LabelledImages(take, h, w, pixels, new int[take]);
    }
  }
}
