package org.trustml.pruning.encoder;

import ai.djl.Model;
import ai.djl.training.loss.Loss;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.Inference;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.ProgressListener;
import org.trustml.ml.TrainingLoop;
import org.trustml.ml.TrainingResult;
import org.trustml.ml.TrainingSpec;

/**
 * Trains an encoder on labelled images through platform-ml's seeded {@link TrainingLoop}, recording the training
 * dynamics of every sample on the way. Same seed, data and spec on the CPU give the same weights, embeddings and
 * dynamics bit for bit.
 */
public final class EncoderTraining {

  private EncoderTraining() {}

  /**
   * @param data     N x C x H x W images in [0, 1] and their int labels in [0, classes) (not modified)
   * @param progress told after every batch
   * @param cancel   asked before every batch
   * @return the trained encoder; the caller closes it
   * @throws IllegalArgumentException for labels outside [0, classes) or no images
   */
  public static TrainedEncoder train(MlEngine ml, LabeledData data, EncoderSpec spec, ProgressListener progress,
      CancellationCheck cancel) {
    int[] labels = Labels.of(data.labels(), spec.classes());
    Architecture.EncoderNetwork network = spec.architecture().build(spec.embeddingDim(), spec.classes());
    Model model = ml.newModel("encoder-" + spec.architecture().id(), network.classifier());
    try {
      DynamicsRecorder recorder = new DynamicsRecorder(labels, spec.classes(), spec.el2nEpochs(),
          () -> Inference.outputs(model, data.features(), 512));
      TrainingSpec training = new TrainingSpec(Loss.softmaxCrossEntropyLoss(), spec.optimizer(), spec.batchSize(),
          spec.epochs(), spec.seed());
      TrainingResult result = TrainingLoop.fit(model, data, training, progress, cancel, recorder);
      return new TrainedEncoder(model, network.features(), spec, recorder.result(), result);
    } catch (RuntimeException | Error e) {
      model.close();
      throw e;
    }
  }
}
