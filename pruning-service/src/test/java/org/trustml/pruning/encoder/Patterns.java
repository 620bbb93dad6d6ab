package org.trustml.pruning.encoder;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.trustml.ml.LabeledData;

/** Generated 16 x 16 greyscale images of three classes: a horizontal bar, a vertical bar, a diagonal; with noise. */
public final class Patterns {

  /** Image side. */
  public static final int SIDE = 16;

  private Patterns() {}

  /** {@link #make(NDManager, int, long, float, int...)} with pixel noise of standard deviation 0.15. */
  static LabeledData make(NDManager manager, int n, long seed, int... flipped) {
    return make(manager, n, seed, 0.15f, flipped);
  }

  /**
   * @param noise   standard deviation of the Gaussian pixel noise
   * @param flipped labels of these samples are moved to the next class (deliberate label noise)
   */
  public static LabeledData make(NDManager manager, int n, long seed, float noise, int... flipped) {
    Random random = new Random(seed);
    float[] x = new float[n * SIDE * SIDE];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      y[i] = c;
      int at = 2 + random.nextInt(SIDE - 4);
      for (int r = 0; r < SIDE; r++) {
        for (int col = 0; col < SIDE; col++) {
          // bars two pixels wide
          boolean on = c == 0 ? r / 2 == at / 2 : c == 1 ? col / 2 == at / 2 : Math.abs(r - col - (at - SIDE / 2)) <= 1;
          x[i * SIDE * SIDE + r * SIDE + col] = (on ? 1f : 0f) + (float) random.nextGaussian() * noise;
        }
      }
    }
    for (int i : flipped) {
      y[i] = (y[i] + 1) % 3;
    }
    return new LabeledData(manager.create(x, new Shape(n, 1, SIDE, SIDE)), manager.create(y));
  }
}
