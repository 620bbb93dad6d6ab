package org.trustml.fairness.multitask;

/**
 * AdamW (decoupled weight decay on weights, not biases; PyTorch's defaults β = (0.9, 0.999), ε = 1e-8) over {@link DenseLayer}s. The step
 * count is the optimiser's; the moments live in the layers, and {@link #restart} forgets both.
 */
final class AdamW {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double weightDecay;
  private int step;

  AdamW(double learningRate, double weightDecay) {
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
  }

  /** Starts the next step; call once per batch before {@link #update}. */
  void nextStep() {
    step++;
  }

  /** Step count back to 0; the caller resets the layers' moments. */
  void restart() {
    step = 0;
  }

  /** Applies one update to a layer's weight and bias. */
  void update(DenseLayer layer, float[] weightGradient, float[] biasGradient) {
    apply(layer.weight, weightGradient, layer.firstMoment[0], layer.secondMoment[0], true);
    apply(layer.bias, biasGradient, layer.firstMoment[1], layer.secondMoment[1], false);
  }

  private void apply(float[] p, float[] g, float[] m, float[] v, boolean decay) {
    double c1 = 1 - Math.pow(BETA1, step);
    double c2 = 1 - Math.pow(BETA2, step);
    for (int i = 0; i < p.length; i++) {
      m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
      v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]);
      double value = p[i];
      if (decay) {
        value -= learningRate * weightDecay * value;
      }
      value -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
      p[i] = (float) value;
    }
  }
}
