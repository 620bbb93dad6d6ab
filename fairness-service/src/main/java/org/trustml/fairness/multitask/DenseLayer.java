package org.trustml.fairness.multitask;

import java.util.SplittableRandom;

/**
 * The parameters of one fully connected layer, {@code weight} as {@code in × out} row-major, with their AdamW
 * moments. Plain arrays, so a layer can be copied for a new branch and updated from surgically edited gradients.
 */
final class DenseLayer {

  final int in;
  final int out;
  final float[] weight;
  final float[] bias;
  final float[][] firstMoment;
  final float[][] secondMoment;

  private DenseLayer(int in, int out, float[] weight, float[] bias) {
    this.in = in;
    this.out = out;
    this.weight = weight;
    this.bias = bias;
    this.firstMoment = new float[][] {new float[weight.length], new float[bias.length]};
    this.secondMoment = new float[][] {new float[weight.length], new float[bias.length]};
  }

  /** PyTorch's default Linear initialisation: weights and biases uniform in ±1/sqrt(in). */
  static DenseLayer initialised(int in, int out, SplittableRandom random) {
    double bound = 1 / Math.sqrt(in);
    float[] w = new float[in * out];
    float[] b = new float[out];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    }
    return new DenseLayer(in, out, w, b);
  }

  /** Same parameters, fresh optimiser state: a new branch starts from the shared layer it replaces. */
  DenseLayer copy() {
    return new DenseLayer(in, out, weight.clone(), bias.clone());
  }

  /** Forgets the optimiser state (FairBranch starts a new optimiser after each branching). */
  void resetMoments() {
    for (int k = 0; k < 2; k++) {
      java.util.Arrays.fill(firstMoment[k], 0f);
      java.util.Arrays.fill(secondMoment[k], 0f);
    }
  }

  /** The weight as an {@code in × out} matrix, the parameter matrix θ of {@link LinearCka}. */
  double[][] weightMatrix() {
    return LinearCka.matrix(weight, in, out);
  }
}
