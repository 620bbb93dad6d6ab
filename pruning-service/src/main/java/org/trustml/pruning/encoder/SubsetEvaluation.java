package org.trustml.pruning.encoder;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.Inference;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.ProgressListener;
import org.trustml.ml.TrainingLoop;
import org.trustml.ml.TrainingObserver;
import org.trustml.ml.TrainingResult;
import org.trustml.ml.TrainingSpec;

/** Trains a fresh model on a subset of the training set for a fixed number of iterations and tests it. */
public final class SubsetEvaluation {

  private SubsetEvaluation() {}

  /**
   * What one evaluation gave.
   *
   * @param accuracy   share of test examples classified correctly
   * @param trainedOn  size of the subset
   * @param iterations optimizer steps taken (the spec's)
   * @param training   seed, epochs (the last one partial when the budget ends inside it), losses, seconds
   */
  public record Result(double accuracy, int trainedOn, long iterations, TrainingResult training) {}

  /**
   * @param train  the full training set (not modified)
   * @param subset distinct row ids of {@code train} to train on (not modified)
   * @param test   the test set
   * @throws IllegalArgumentException for an empty subset, an id out of range or repeated, or labels outside the
   *                                  spec's classes
   */
  public static Result trainAndEvaluate(MlEngine ml, LabeledData train, int[] subset, LabeledData test,
      EvaluationSpec spec, ProgressListener progress, CancellationCheck cancel) {
    long[] rows = checkedRows(subset, train.size());
    Labels.of(test.labels(), spec.classes());
    try (NDManager scratch = train.features().getManager().newSubManager()) {
      NDArray index = scratch.create(rows);
      NDArray x = train.features().get(index);
      NDArray y = train.labels().get(index);
      x.attach(scratch);
      y.attach(scratch);
      LabeledData part = new LabeledData(x, y);
      Labels.of(y, spec.classes());
      int batch = Math.min(spec.batchSize(), rows.length);
      long perEpoch = (rows.length + batch - 1) / batch;
      int epochs = Math.toIntExact((spec.iterations() + perEpoch - 1) / perEpoch);
      TrainingSpec training = new TrainingSpec(Loss.softmaxCrossEntropyLoss(), spec.optimizer(), batch, epochs,
          spec.seed());
      Architecture.EncoderNetwork network = spec.architecture().build(spec.embeddingDim(), spec.classes());
      try (Model model = ml.newModel("coreset-" + spec.architecture().id(), network.classifier())) {
        long[] steps = {0};
        TrainingObserver budget = new TrainingObserver() {
          @Override
          public boolean afterBatch(int epoch, int[] batchRows, float[] outputs) {
            return ++steps[0] < spec.iterations();
          }
        };
        TrainingResult result = TrainingLoop.fit(model, part, training, progress, cancel, budget);
        double accuracy = Inference.accuracy(model, test, 512);
        return new Result(accuracy, rows.length, steps[0], result);
      }
    }
  }

  private static long[] checkedRows(int[] subset, int n) {
    if (subset.length == 0) {
      throw new IllegalArgumentException("the subset is empty: nothing to train on");
    }
    boolean[] seen = new boolean[n];
    long[] rows = new long[subset.length];
    for (int i = 0; i < subset.length; i++) {
      int id = subset[i];
      if (id < 0 || id >= n) {
        throw new IllegalArgumentException("subset id " + id + " is outside the training set [0, " + n + ")");
      }
      if (seen[id]) {
        throw new IllegalArgumentException("subset id " + id + " appears twice");
      }
      seen[id] = true;
      rows[i] = id;
    }
    return rows;
  }
}
