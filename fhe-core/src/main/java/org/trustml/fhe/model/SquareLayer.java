package org.trustml.fhe.model;

/** x -> x^2 element-wise: the CKKS-friendly activation (one ciphertext multiplication, one level). */
public record SquareLayer() implements Layer {

  @Override
  public double[] forward(double[] input) {
    double[] out = new double[input.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = input[i] * input[i];
    }
    return out;
  }

  @Override
  public int outputSize(int inputSize) {
    return inputSize;
  }
}
