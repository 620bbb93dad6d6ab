package org.trustml.fhe.dct;

/**
 * An image as planes of pixel values 0..255, row-major double[height * width]: one plane (grey) or three (R, G, B).
 *
 * @param height rows
 * @param width  columns
 * @param planes one or three planes (not copied: the front-end never modifies them)
 */
public record PixelImage(int height, int width, double[][] planes) {

  /** Checks the plane count and sizes. */
  public PixelImage {
    if (planes.length != 1 && planes.length != 3) {
      throw new IllegalArgumentException("an image has 1 (grey) or 3 (RGB) planes, got " + planes.length);
    }
    for (double[] plane : planes) {
      if (plane.length != height * width) {
        throw new IllegalArgumentException("plane of " + plane.length + " values for " + height + " x " + width);
      }
    }
  }

  /** Whether the image has R, G, B planes. */
  public boolean isColour() {
    return planes.length == 3;
  }
}
