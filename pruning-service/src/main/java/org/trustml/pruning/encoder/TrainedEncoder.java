package org.trustml.pruning.encoder;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.trustml.ml.Inference;
import org.trustml.ml.LabeledData;
import org.trustml.ml.TrainingResult;

/**
 * A trained encoder: embeddings and logits for any images of its input shape, the training run's per-sample
 * dynamics and its epochs. Holds the model's native memory until closed.
 */
public final class TrainedEncoder implements AutoCloseable {

  private static final int BATCH = 512;

  private final Model model;
  private final Block features;
  private final EncoderSpec spec;
  private final TrainingDynamics dynamics;
  private final TrainingResult training;

  TrainedEncoder(Model model, Block features, EncoderSpec spec, TrainingDynamics dynamics, TrainingResult training) {
    this.model = model;
    this.features = features;
    this.spec = spec;
    this.dynamics = dynamics;
    this.training = training;
  }

  /** Penultimate-layer embeddings, one row of {@code spec().embeddingDim()} per image. */
  public float[][] embed(NDArray images) {
    return Inference.outputs(features, model.getNDManager().getDevice(), images, BATCH);
  }

  /** Class logits, one row per image. */
  public float[][] logits(NDArray images) {
    return Inference.outputs(model, images, BATCH);
  }

  /** Share of correctly classified examples. */
  public double accuracy(LabeledData data) {
    return Inference.accuracy(model, data, BATCH);
  }

  /** The per-sample dynamics of the training set, in its order. */
  public TrainingDynamics dynamics() {
    return dynamics;
  }

  /** Seed, epochs, losses and times of the run. */
  public TrainingResult training() {
    return training;
  }

  /** How it was trained. */
  public EncoderSpec spec() {
    return spec;
  }

  @Override
  public void close() {
    model.close();
  }
}
