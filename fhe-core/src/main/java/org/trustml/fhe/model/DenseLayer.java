package org.trustml.fhe.model;

/**
 * y = W x + b.
 *
 * @param weights {@code [out][in]} (not copied; treat as immutable)
 * @param bias    {@code [out]} (not copied)
 */
public record DenseLayer(double[][] weights, double[] bias) implements Layer {

  /** Checks the shapes and that every weight is finite. */
  public DenseLayer {
    if (weights.length == 0 || bias.length != weights.length) {
      throw new IllegalArgumentException("dense layer needs at least one output row and one bias per row, got "
          + weights.length + " rows and " + bias.length + " biases");
    }
    int in = weights[0].length;
    for (double[] row : weights) {
      if (row.length != in || in == 0) {
        throw new IllegalArgumentException("dense layer rows must all have the same positive width " + in);
      }
      for (double w : row) {
        if (!Double.isFinite(w)) {
          throw new IllegalArgumentException("dense layer has a non-finite weight " + w);
        }
      }
    }
  }

  /** Input width. */
  public int inputs() {
    return weights[0].length;
  }

  /** Output width. */
  public int outputs() {
    return weights.length;
  }

  @Override
  public double[] forward(double[] input) {
    if (input.length != inputs()) {
      throw new IllegalArgumentException("dense layer takes " + inputs() + " values, got " + input.length);
    }
    double[] out = new double[outputs()];
    for (int o = 0; o < out.length; o++) {
      double sum = bias[o];
      double[] row = weights[o];
      for (int i = 0; i < row.length; i++) {
        sum += row[i] * input[i];
      }
      out[o] = sum;
    }
    return out;
  }

  @Override
  public int outputSize(int inputSize) {
    if (inputSize != inputs()) {
      throw new IllegalArgumentException("dense layer takes " + inputs() + " values, the layer before gives "
          + inputSize);
    }
    return outputs();
  }
}
