package org.trustml.pruning.evaluation;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.trustml.ml.LabeledData;

/** Generated 16 x 16 greyscale images of three classes (horizontal bar, vertical bar, diagonal) with pixel noise. */
final class GeneratedImages {

  static final int SIDE = 16;

  private GeneratedImages() {}

  static LabeledData make(NDManager manager, int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * SIDE * SIDE];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      y[i] = c;
      int at = 2 + random.nextInt(SIDE - 4);
      for (int r = 0; r < SIDE; r++) {
        for (int col = 0; col < SIDE; col++) {
          boolean on = c == 0 ? r / 2 == at / 2 : c == 1 ? col / 2 == at / 2 : Math.abs(r - col - (at - SIDE / 2)) <= 1;
          x[i * SIDE * SIDE + r * SIDE + col] = (on ? 1f : 0f) + (float) random.nextGaussian() * 0.3f;
        }
      }
    }
    return new LabeledData(manager.create(x, new Shape(n, 1, SIDE, SIDE)), manager.create(y));
  }
}
