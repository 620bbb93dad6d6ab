package org.trustml.pruning.encoder;

import java.util.Arrays;
import java.util.function.Supplier;
import org.trustml.ml.TrainingObserver;

/**
 * Records {@link TrainingDynamics} while a model trains: margins and correctness from the outputs of every training
 * forward pass (AUM, forgetting events), and EL2N from a full forward pass after each chosen epoch.
 */
final class DynamicsRecorder implements TrainingObserver {

  private final int[] labels;
  private final int classes;
  private final int[] el2nEpochs;
  private final Supplier<float[][]> evaluate;
  private final double[] marginSum;
  private final int[] presentations;
  private final boolean[] lastCorrect;
  private final boolean[] everCorrect;
  private final int[] forgotten;
  private final double[] el2nSum;
  private int el2nPasses;

  /**
   * @param labels     class per training sample (not copied, not modified)
   * @param el2nEpochs after which epochs to take EL2N, ascending
   * @param evaluate   the model's outputs (logits) for every training sample, in order, with its current weights
   */
  DynamicsRecorder(int[] labels, int classes, int[] el2nEpochs, Supplier<float[][]> evaluate) {
    this.labels = labels;
    this.classes = classes;
    this.el2nEpochs = el2nEpochs.clone();
    this.evaluate = evaluate;
    int n = labels.length;
    marginSum = new double[n];
    presentations = new int[n];
    lastCorrect = new boolean[n];
    everCorrect = new boolean[n];
    forgotten = new int[n];
    el2nSum = new double[n];
  }

  @Override
  public boolean wantsOutputs() {
    return true;
  }

  @Override
  public boolean afterBatch(int epoch, int[] rows, float[] outputs) {
    if (outputs.length != rows.length * classes) {
      throw new IllegalStateException("expected " + classes + " outputs per row, got " + outputs.length + " for "
          + rows.length + " rows");
    }
    for (int r = 0; r < rows.length; r++) {
      int i = rows[r];
      int offset = r * classes;
      marginSum[i] += SampleScores.margin(outputs, offset, classes, labels[i]);
      boolean correct = SampleScores.correct(outputs, offset, classes, labels[i]);
      if (presentations[i] > 0 && lastCorrect[i] && !correct) {
        forgotten[i]++;
      }
      lastCorrect[i] = correct;
      everCorrect[i] |= correct;
      presentations[i]++;
    }
    return true;
  }

  @Override
  public void afterEpoch(int epoch) {
    if (Arrays.binarySearch(el2nEpochs, epoch) < 0) {
      return;
    }
    float[][] outputs = evaluate.get();
    for (int i = 0; i < labels.length; i++) {
      el2nSum[i] += SampleScores.el2n(outputs[i], 0, classes, labels[i]);
    }
    el2nPasses++;
  }

  /**
   * The dynamics so far.
   *
   * @throws IllegalStateException when a sample was never presented or no EL2N pass ran (training stopped early)
   */
  TrainingDynamics result() {
    int n = labels.length;
    if (el2nPasses != el2nEpochs.length) {
      throw new IllegalStateException("EL2N was asked for after epochs " + Arrays.toString(el2nEpochs) + " but "
          + el2nPasses + " of them ran");
    }
    double[] aum = new double[n];
    double[] el2n = new double[n];
    double[] forgetting = new double[n];
    for (int i = 0; i < n; i++) {
      if (presentations[i] == 0) {
        throw new IllegalStateException("sample " + i + " was never presented in training");
      }
      aum[i] = marginSum[i] / presentations[i];
      el2n[i] = el2nSum[i] / el2nPasses;
      forgetting[i] = everCorrect[i] ? forgotten[i] : presentations[i];
    }
    return new TrainingDynamics(aum, el2n, forgetting, el2nEpochs.clone(), 1);
  }
}
