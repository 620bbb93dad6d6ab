package org.trustml.fhe.dct;

/**
 * JPEG's full-range YCbCr (ITU-T T.871, the conversion libjpeg and OpenCV use) and the 2 x 2 chroma subsampling of
 * 4:2:0. Planes are row-major double[height * width] with values 0..255; nothing is clamped or rounded.
 */
public final class ColourSpace {

  private ColourSpace() {}

  /** Y = 0.299 R + 0.587 G + 0.114 B. */
  public static double[] luma(double[] r, double[] g, double[] b) {
    double[] y = new double[r.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = 0.299 * r[k] + 0.587 * g[k] + 0.114 * b[k];
    }
    return y;
  }

  /** Cb = 128 - 0.168736 R - 0.331264 G + 0.5 B. */
  public static double[] blueDifference(double[] r, double[] g, double[] b) {
    double[] cb = new double[r.length];
    for (int k = 0; k < cb.length; k++) {
      cb[k] = 128 - 0.168736 * r[k] - 0.331264 * g[k] + 0.5 * b[k];
    }
    return cb;
  }

  /** Cr = 128 + 0.5 R - 0.418688 G - 0.081312 B. */
  public static double[] redDifference(double[] r, double[] g, double[] b) {
    double[] cr = new double[r.length];
    for (int k = 0; k < cr.length; k++) {
      cr[k] = 128 + 0.5 * r[k] - 0.418688 * g[k] - 0.081312 * b[k];
    }
    return cr;
  }

  /** Halves both sides by averaging each 2 x 2 square (height and width even); {@code plane} is not modified. */
  public static double[] subsample(double[] plane, int height, int width) {
    if (height % 2 != 0 || width % 2 != 0) {
      throw new IllegalArgumentException("4:2:0 subsampling needs even sides, got " + height + " x " + width);
    }
    int h = height / 2;
    int w = width / 2;
    double[] out = new double[h * w];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int k = 2 * i * width + 2 * j;
        out[i * w + j] = (plane[k] + plane[k + 1] + plane[k + width] + plane[k + width + 1]) / 4;
      }
    }
    return out;
  }
}
