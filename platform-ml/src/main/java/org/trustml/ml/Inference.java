package org.trustml.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Forward passes of a trained model in batches, without gradients, returning plain Java arrays: what a service
 * compares, scores or writes out.
 */
public final class Inference {

  private Inference() {}

  /**
   * The model's outputs for every example.
   *
   * @param features N x ... examples; not modified
   * @return N rows of the block's outputs (e.g. logits)
   */
  public static float[][] outputs(Model model, NDArray features, int batchSize) {
    return outputs(model.getBlock(), model.getNDManager().getDevice(), features, batchSize);
  }

  /**
   * The outputs of {@code block}, e.g. a trained model's feature extractor (its layers up to the penultimate one),
   * for every example.
   *
   * @param block initialised, with its parameters on {@code device}
   * @param features N x ... examples; not modified
   * @return N rows of the block's outputs
   */
  public static float[][] outputs(Block block, Device device, NDArray features, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    int n = Math.toIntExact(features.getShape().get(0));
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(from + batchSize, n);
      // a sub-manager per batch frees the activations as soon as the outputs are copied out
      try (NDManager batch = features.getManager().newSubManager()) {
        NDArray x = features.get(new NDIndex("{}:{}", from, to));
        x.attach(batch);
        if (!x.getDevice().equals(device)) {
          x = x.toDevice(device, false);
        }
        ParameterStore parameters = new ParameterStore(batch, false);
        NDArray y = block.forward(parameters, new NDList(x), false).singletonOrThrow();
        long width = y.getShape().size() / (to - from);
        float[] flat = y.toType(DataType.FLOAT32, false).toFloatArray();
        for (int i = 0; i < to - from; i++) {
          float[] row = new float[(int) width];
          System.arraycopy(flat, (int) (i * width), row, 0, (int) width);
          out[from + i] = row;
        }
      }
    }
    return out;
  }

  /** The predicted class of every example: the index of its largest output (the first among equal ones). */
  public static int[] predictClasses(Model model, NDArray features, int batchSize) {
    float[][] outputs = outputs(model, features, batchSize);
    int[] classes = new int[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      int best = 0;
      for (int k = 1; k < outputs[i].length; k++) {
        if (outputs[i][k] > outputs[i][best]) {
          best = k;
        }
      }
      classes[i] = best;
    }
    return classes;
  }

  /** The share of examples whose predicted class equals the label (labels as int codes). */
  public static double accuracy(Model model, LabeledData data, int batchSize) {
    int[] predicted = predictClasses(model, data.features(), batchSize);
    int[] labels;
    try (NDManager scratch = data.labels().getManager().newSubManager()) {
      NDArray codes = data.labels().toType(DataType.INT32, true);
      codes.attach(scratch); // a copy, freed here rather than with the data
      labels = codes.toIntArray();
    }
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return labels.length == 0 ? 0 : (double) correct / labels.length;
  }
}
