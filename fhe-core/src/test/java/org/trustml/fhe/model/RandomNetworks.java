package org.trustml.fhe.model;

import java.util.List;
import java.util.Random;

/** Seeded random x^2 networks with weights like a trained network's (about 1/sqrt(fan-in)), for tests. */
public final class RandomNetworks {

  private RandomNetworks() {}

  /** in → dense(hidden) → x^2 → dense(out). */
  public static PolyNetwork network(int in, int hidden, int out, long seed) {
    Random random = new Random(seed);
    return new PolyNetwork(in, List.of(dense(in, hidden, random), new SquareLayer(), dense(hidden, out, random)),
        "random");
  }

  /** A dense layer with N(0, 1/in) weights and N(0, 0.04) biases drawn from {@code random}. */
  public static DenseLayer dense(int in, int out, Random random) {
    double[][] w = new double[out][in];
    double[] b = new double[out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o][i] = random.nextGaussian() / Math.sqrt(in);
      }
      b[o] = 0.2 * random.nextGaussian();
    }
    return new DenseLayer(w, b);
  }
}
