package org.trustml.fhe.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.trustml.fhe.model.DenseLayer;
import org.trustml.fhe.model.ImageFeatures;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.SquareLayer;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.OptimizerSpec;
import org.trustml.ml.ProgressListener;
import org.trustml.ml.TrainingLoop;
import org.trustml.ml.TrainingResult;
import org.trustml.ml.TrainingSpec;

/**
 * Trains the CryptoNets-style network dense → x^2 → dense in plaintext with DJL through platform-ml's
 * {@link TrainingLoop} (seeded: same data, settings and engine give the same weights) and exports it as a
 * {@link PolyNetwork}, after which DJL is no longer needed. The activation is the note's x^2 (§4: one ciphertext
 * multiplication, one level).
 */
public final class PolyNetworkTrainer {

  private PolyNetworkTrainer() {}

  /** A trained network and what training did. */
  public record Trained(PolyNetwork network, TrainingResult training) {}

  /**
   * Trains on {@code features} (rows of equal width; not modified) with class codes {@code labels} in 0..classes-1.
   *
   * @param features what {@link ImageFeatures#transform} gives; recorded in the network
   */
  public static Trained train(MlEngine ml, double[][] features, int[] labels, int classes, TrainingSettings settings,
      String description) {
    return train(ml, features, labels, classes, settings, description, ProgressListener.NONE, CancellationCheck.NONE);
  }

  /** {@link #train(MlEngine, double[][], int[], int, TrainingSettings, String)} reporting progress and stoppable. */
  public static Trained train(MlEngine ml, double[][] features, int[] labels, int classes, TrainingSettings settings,
      String description, ProgressListener progress, CancellationCheck cancellation) {
    if (features.length == 0 || features.length != labels.length) {
      throw new IllegalArgumentException("need one label per example and at least one example, got "
          + features.length + " and " + labels.length);
    }
    int width = features[0].length;
    float[] flat = new float[features.length * width];
    for (int i = 0; i < features.length; i++) {
      for (int k = 0; k < width; k++) {
        flat[i * width + k] = (float) features[i][k];
      }
    }
    SequentialBlock block = new SequentialBlock()
        .add(Linear.builder().setUnits(settings.hidden()).build())
        .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().square())))
        .add(Linear.builder().setUnits(classes).build());
    try (NDManager data = ml.newManager(); Model model = ml.newModel("poly-network", block)) {
      LabeledData train = new LabeledData(data.create(flat, new Shape(features.length, width)), data.create(labels));
      TrainingSpec spec = TrainingSpec.classification(OptimizerSpec.adam(settings.learningRate()),
          settings.batchSize(), settings.epochs(), settings.seed());
      TrainingResult result = TrainingLoop.fit(model, train, spec, progress, cancellation);
      List<Block> children = block.getChildren().values();
      DenseLayer hidden = dense(children.get(0));
      DenseLayer output = dense(children.get(2));
      return new Trained(new PolyNetwork(width, List.of(hidden, new SquareLayer(), output), description), result);
    }
  }

  private static DenseLayer dense(Block linear) {
    NDArray w = linear.getParameters().get("weight").getArray();
    NDArray b = linear.getParameters().get("bias").getArray();
    int out = Math.toIntExact(w.getShape().get(0));
    int in = Math.toIntExact(w.getShape().get(1));
    float[] wf = w.toFloatArray();
    float[] bf = b.toFloatArray();
    double[][] weights = new double[out][in];
    double[] bias = new double[out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        weights[o][i] = wf[o * in + i];
      }
      bias[o] = bf[o];
    }
    return new DenseLayer(weights, bias);
  }
}
