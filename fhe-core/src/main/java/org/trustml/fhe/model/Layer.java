package org.trustml.fhe.model;

/** One layer of a {@link PolyNetwork}: a {@link DenseLayer} or a {@link SquareLayer}, evaluated on doubles. */
public sealed interface Layer permits DenseLayer, SquareLayer {

  /** The layer's output for one example (not modified). */
  double[] forward(double[] input);

  /** Output width given the input width. */
  int outputSize(int inputSize);
}
