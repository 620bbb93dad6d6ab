package org.trustml.fhe.dct;

/**
 * A plane of pixels to its block-DCT coefficient maps and back: the plane (values 0..255) is level-shifted by -128,
 * cut into F x F blocks, and coefficient u * F + v of every block becomes pixel (block row, block column) of channel
 * u * F + v (design note §3). Planes are row-major double[height * width], height and width multiples of F.
 */
public final class CoefficientMaps {

  /** JPEG's level shift: pixels 0..255 become -128..127 before the DCT. */
  public static final double LEVEL_SHIFT = 128;

  private CoefficientMaps() {}

  /**
   * The F^2 coefficient maps of {@code plane} (not modified), each (height / F) x (width / F).
   *
   * @param round whether to round coefficients to integers (the F = 8 JPEG path: quality 100 quantises by one)
   */
  public static double[][] forward(BlockDct dct, double[] plane, int height, int width, boolean round) {
    int f = dct.size();
    checkShape(plane, height, width, f);
    int rows = height / f;
    int cols = width / f;
    double[][] channels = new double[f * f][rows * cols];
    double[] block = new double[f * f];
    double[] coefficients = new double[f * f];
    for (int br = 0; br < rows; br++) {
      for (int bc = 0; bc < cols; bc++) {
        for (int x = 0; x < f; x++) {
          for (int y = 0; y < f; y++) {
            block[x * f + y] = plane[(br * f + x) * width + bc * f + y] - LEVEL_SHIFT;
          }
        }
        dct.forward(block, coefficients);
        for (int c = 0; c < f * f; c++) {
          channels[c][br * cols + bc] = round ? Math.rint(coefficients[c]) : coefficients[c];
        }
      }
    }
    return channels;
  }

  /** The plane (height x width, level shift undone) whose coefficient maps are {@code channels} (not modified). */
  public static double[] inverse(BlockDct dct, double[][] channels, int height, int width) {
    int f = dct.size();
    int rows = height / f;
    int cols = width / f;
    if (channels.length != f * f || height % f != 0 || width % f != 0 || channels[0].length != rows * cols) {
      throw new IllegalArgumentException("expected " + f * f + " maps of " + rows + " x " + cols + " for a " + height
          + " x " + width + " plane");
    }
    double[] plane = new double[height * width];
    double[] block = new double[f * f];
    double[] coefficients = new double[f * f];
    for (int br = 0; br < rows; br++) {
      for (int bc = 0; bc < cols; bc++) {
        for (int c = 0; c < f * f; c++) {
          coefficients[c] = channels[c][br * cols + bc];
        }
        dct.inverse(coefficients, block);
        for (int x = 0; x < f; x++) {
          for (int y = 0; y < f; y++) {
            plane[(br * f + x) * width + bc * f + y] = block[x * f + y] + LEVEL_SHIFT;
          }
        }
      }
    }
    return plane;
  }

  private static void checkShape(double[] plane, int height, int width, int f) {
    if (height % f != 0 || width % f != 0 || plane.length != height * width) {
      throw new IllegalArgumentException("plane of " + plane.length + " values as " + height + " x " + width
          + ": both sides must be multiples of the block size " + f);
    }
  }
}
