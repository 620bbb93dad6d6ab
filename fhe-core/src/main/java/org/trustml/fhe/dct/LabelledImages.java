package org.trustml.fhe.dct;

/**
 * Grey images with class labels, as MNIST-style IDX files hold them: pixel values 0..255, image i at
 * {@code pixels[i * height * width ...]} row-major.
 *
 * @param count  number of images
 * @param height rows per image
 * @param width  columns per image
 * @param pixels all pixels (not copied)
 * @param labels one class per image (not copied)
 */
public record LabelledImages(int count, int height, int width, int[] pixels, int[] labels) implements Images {

  /** Checks that the arrays fit the shape. */
  public LabelledImages {
    if (pixels.length != (long) count * height * width || labels.length != count) {
      throw new IllegalArgumentException(count + " images of " + height + " x " + width + " need "
          + (long) count * height * width + " pixels and " + count + " labels, got " + pixels.length + " and "
          + labels.length);
    }
  }

  /** Image i as a one-plane {@link PixelImage}. */
  @Override
  public PixelImage image(int i) {
    int area = height * width;
    double[] plane = new double[area];
    for (int k = 0; k < area; k++) {
      plane[k] = pixels[i * area + k];
    }
    return new PixelImage(height, width, new double[][] {plane});
  }
}
