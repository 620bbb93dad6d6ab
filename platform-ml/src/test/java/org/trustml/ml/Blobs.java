package org.trustml.ml;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Small synthetic problems that a tiny network separates in a few epochs. */
final class Blobs {

  private Blobs() {}

  /**
   * {@code n} points in {@code d} dimensions around one of {@code classes} centres 4 apart, with unit noise.
   *
   * @param manager owns the arrays
   */
  static LabeledData gaussian(NDManager manager, int n, int d, int classes, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % classes;
      y[i] = c;
      for (int j = 0; j < d; j++) {
        float centre = j == c % d ? 4f : 0f;
        x[i * d + j] = centre + (float) random.nextGaussian() * 0.7f;
      }
    }
    return new LabeledData(manager.create(x, new Shape(n, d)), manager.create(y));
  }

  /** {@code n} 8x8 greyscale images: class 0 has a bright horizontal bar, class 1 a vertical one, plus noise. */
  static LabeledData bars(NDManager manager, int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * 64];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 2;
      y[i] = c;
      int at = random.nextInt(8);
      for (int r = 0; r < 8; r++) {
        for (int col = 0; col < 8; col++) {
          boolean bar = c == 0 ? r == at : col == at;
          x[i * 64 + r * 8 + col] = (bar ? 1f : 0f) + (float) random.nextGaussian() * 0.1f;
        }
      }
    }
    return new LabeledData(manager.create(x, new Shape(n, 1, 8, 8)), manager.create(y));
  }
}
