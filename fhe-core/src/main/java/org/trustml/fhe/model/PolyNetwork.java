package org.trustml.fhe.model;

import java.util.List;

/**
 * A trained CKKS-friendly network as plain numbers: dense layers and x^2 activations only, so that it evaluates on
 * ciphertexts with additions and multiplications. What the plan compiler and the encrypted evaluator read; no DJL.
 *
 * @param inputSize  features per example
 * @param layers     in order; the last is dense (its outputs are the logits)
 * @param features   how the inputs were made, e.g. {@code dct:F=4,S=7,luma=[0, 1, 2, 4, 5, 8]}; informational
 */
public record PolyNetwork(int inputSize, List<Layer> layers, String features) {

  /** Checks that the widths chain and that the network ends in a dense layer. */
  public PolyNetwork {
    layers = List.copyOf(layers);
    if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof DenseLayer)) {
      throw new IllegalArgumentException("a network must end with a dense layer (its outputs are the logits)");
    }
    int width = inputSize;
    for (Layer layer : layers) {
      width = layer.outputSize(width);
    }
  }

  /** Number of outputs (classes). */
  public int outputSize() {
    return ((DenseLayer) layers.get(layers.size() - 1)).outputs();
  }

  /** The logits of one example (not modified). */
  public double[] forward(double[] input) {
    double[] x = input;
    for (Layer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  /** The logits of each example. */
  public double[][] forward(double[][] inputs) {
    double[][] out = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = forward(inputs[i]);
    }
    return out;
  }

  /** The index of the largest value (the first among equal ones). */
  public static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
