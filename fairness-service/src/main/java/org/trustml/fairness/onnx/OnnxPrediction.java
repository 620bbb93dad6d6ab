package org.trustml.fairness.onnx;

/**
 * What an exported model says about a batch, one entry per row.
 *
 * @param scores the ensemble score as ONNX Runtime computed it (float)
 * @param labels 1 where the score is above 0, else 0
 * @param probabilities the probability of class 1
 */
public record OnnxPrediction(float[] scores, int[] labels, float[] probabilities) {

  public int rows() {
    return labels.length;
  }
}
