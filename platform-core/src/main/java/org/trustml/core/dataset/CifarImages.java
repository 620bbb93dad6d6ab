package org.trustml.core.dataset;

/**
 * CIFAR-10 images as read by {@link CifarBinaryReader}.
 *
 * @param count  number of images
 * @param labels class 0..9 per image (not copied)
 * @param pixels image i's red, green and blue 32 x 32 planes, row-major, at {@code i * 3072} (not copied); unsigned
 */
public record CifarImages(int count, int[] labels, byte[] pixels) {

  /** Checks the lengths. */
  public CifarImages {
    if (labels.length != count || pixels.length != count * 3 * CifarBinaryReader.SIDE * CifarBinaryReader.SIDE) {
      throw new IllegalArgumentException(count + " images need " + count + " labels and " + count * 3072
          + " pixels, got " + labels.length + " and " + pixels.length);
    }
  }

  /** Pixel value 0..255 of image i, plane c (0 red, 1 green, 2 blue), row y, column x. */
  public int pixel(int i, int c, int y, int x) {
    int side = CifarBinaryReader.SIDE;
    return pixels[((i * 3 + c) * side + y) * side + x] & 0xff;
  }
}
