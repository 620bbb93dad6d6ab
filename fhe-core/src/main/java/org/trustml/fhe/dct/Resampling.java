package org.trustml.fhe.dct;

/**
 * Bilinear resizing with half-pixel centres and clamped edges (OpenCV's INTER_LINEAR and PyTorch's
 * align_corners=False), and centre cropping. Planes are row-major double[height * width] and are not modified.
 */
public final class Resampling {

  private Resampling() {}

  /** {@code plane} resized to newHeight x newWidth. */
  public static double[] bilinear(double[] plane, int height, int width, int newHeight, int newWidth) {
    if (newHeight < 1 || newWidth < 1 || plane.length != height * width) {
      throw new IllegalArgumentException("cannot resize " + height + " x " + width + " (" + plane.length
          + " values) to " + newHeight + " x " + newWidth);
    }
    if (newHeight == height && newWidth == width) {
      return plane.clone();
    }
    double[] out = new double[newHeight * newWidth];
    double sy = (double) height / newHeight;
    double sx = (double) width / newWidth;
    for (int i = 0; i < newHeight; i++) {
      double y = Math.max(0, (i + 0.5) * sy - 0.5);
      int y0 = Math.min((int) y, height - 1);
      int y1 = Math.min(y0 + 1, height - 1);
      double fy = Math.min(y - y0, 1);
      for (int j = 0; j < newWidth; j++) {
        double x = Math.max(0, (j + 0.5) * sx - 0.5);
        int x0 = Math.min((int) x, width - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double fx = Math.min(x - x0, 1);
        double top = plane[y0 * width + x0] * (1 - fx) + plane[y0 * width + x1] * fx;
        double bottom = plane[y1 * width + x0] * (1 - fx) + plane[y1 * width + x1] * fx;
        out[i * newWidth + j] = top * (1 - fy) + bottom * fy;
      }
    }
    return out;
  }

  /** The central cropHeight x cropWidth window; offsets round half to even, as torchvision's CenterCrop does. */
  public static double[] centreCrop(double[] plane, int height, int width, int cropHeight, int cropWidth) {
    if (cropHeight > height || cropWidth > width) {
      throw new IllegalArgumentException("cannot crop " + cropHeight + " x " + cropWidth + " from " + height + " x "
          + width);
    }
    int top = (int) Math.rint((height - cropHeight) / 2.0);
    int left = (int) Math.rint((width - cropWidth) / 2.0);
    double[] out = new double[cropHeight * cropWidth];
    for (int i = 0; i < cropHeight; i++) {
      System.arraycopy(plane, (top + i) * width + left, out, i * cropWidth, cropWidth);
    }
    return out;
  }
}
