package org.trustml.fhe.estimate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.trustml.fhe.model.DenseLayer;
import org.trustml.fhe.model.Layer;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.SquareLayer;

/**
 * A network described by its widths instead of trained weights: inputs → (dense(h) → x^2) per hidden width → dense
 * (classes). Stands in for a model when sizing one before training.
 */
public record Architecture(@Min(1) @Max(100_000) int inputs, @NotNull @Size(max = 8) List<@Min(1) @Max(100_000) Integer> hidden,
    @Min(1) @Max(100_000) int classes) {

  /**
   * A network of this shape with every weight nonzero, so the operation counts are those of a dense trained model
   * (a trained model's exact zeros would only lower them). The weights are small constants: a plan's levels, scales
   * and sizes do not depend on the weights' values.
   */
  public PolyNetwork network() {
    List<Layer> layers = new ArrayList<>();
    int width = inputs;
    for (int h : hidden) {
      layers.add(dense(width, h));
      layers.add(new SquareLayer());
      width = h;
    }
    layers.add(dense(width, classes));
    return new PolyNetwork(inputs, layers, "architecture");
  }

  private static DenseLayer dense(int in, int out) {
    double[][] w = new double[out][in];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1.0 / in);
    }
    return new DenseLayer(w, new double[out]);
  }
}
