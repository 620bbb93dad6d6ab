package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.ml.GradientLock;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;

/** The fairness loss on a head Linear(4, 1), in double precision: value by hand, gradient by finite differences. */
class FairnessLossGradientTest {

  private static final int ROWS = 24;
  private static final int UNITS = 4;

  private static MlEngine engine;
  private final double[] h = new double[ROWS * UNITS];
  private final int[] labels = new int[ROWS];
  private final int[] groups = new int[ROWS];
  private final double[] weight = new double[UNITS];
  private final double bias = 0.3;

  @BeforeAll
  static void start() {
    engine = MlEngine.start(MlSettings.fromEnvironment());
  }

  FairnessLossGradientTest() {
    Random random = new Random(3);
    for (int i = 0; i < h.length; i++) {
      h[i] = random.nextGaussian();
    }
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextInt(2);
      groups[i] = i % 3 == 0 ? 0 : 1;
    }
    for (int j = 0; j < UNITS; j++) {
      weight[j] = random.nextGaussian();
    }
  }

  @Test
  void valueIsTheWorseGroupsMeanLogLossPerClass() {
    try (NDManager manager = engine.newManager()) {
      double loss = fairnessLoss(manager, weight);
      double expected = 0;
      for (int y = 0; y <= 1; y++) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= 1; s++) {
          double sum = 0;
          int count = 0;
          for (int i = 0; i < ROWS; i++) {
            if (labels[i] == y && groups[i] == s) {
              double z = bias;
              for (int j = 0; j < UNITS; j++) {
                z += h[i * UNITS + j] * weight[j];
              }
              double p = 1 / (1 + Math.exp(-z));
              sum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
              count++;
            }
          }
          worst = Math.max(worst, sum / count);
        }
        expected += worst;
      }
      assertThat(loss).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void autogradMatchesCentralFiniteDifferences() {
    try (NDManager manager = engine.newManager()) {
      double[] autograd =
          GradientLock.collect(
              () -> {
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                  NDArray w = manager.create(weight, new Shape(UNITS, 1));
                  w.setRequiresGradient(true);
                  NDArray loss = TaskLosses.fairnessLoss(logits(manager, w), labels, groups);
                  collector.backward(loss);
                  return w.getGradient().toDoubleArray();
                }
              });
      double step = 1e-6;
      for (int j = 0; j < UNITS; j++) {
        double[] plus = weight.clone();
        double[] minus = weight.clone();
        plus[j] += step;
        minus[j] -= step;
        double numeric = (fairnessLoss(manager, plus) - fairnessLoss(manager, minus)) / (2 * step);
        assertThat(autograd[j]).as("∂F/∂w[%d]", j).isCloseTo(numeric, within(1e-7));
      }
    }
  }

  /**
   * DJL's scalar operations ({@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)}) close their scalar
   * operand at once, and its native memory goes with the next garbage collection although autograd saved it for the
   * backward pass: the losses must not use them. A collection between forward and backward, with the freed memory
   * written over, must leave the gradient as it is.
   */
  @Test
  void theGradientSurvivesAGarbageCollectionBetweenForwardAndBackward() {
    try (NDManager manager = engine.newManager()) {
      double[] quiet = gradient(manager, false);
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(gradient(manager, true)).as("attempt %d", attempt).containsExactly(quiet);
      }
    }
  }

  private double[] gradient(NDManager manager, boolean collectBeforeBackward) {
    return GradientLock.collect(
        () -> {
          try (NDManager scope = manager.newSubManager();
              GradientCollector collector = scope.getEngine().newGradientCollector()) {
            NDArray w = scope.create(weight, new Shape(UNITS, 1));
            w.setRequiresGradient(true);
            NDArray loss = TaskLosses.fairnessLoss(logits(scope, w), labels, groups);
            if (collectBeforeBackward) {
              collectAndOverwriteFreedMemory();
            }
            collector.backward(loss);
            return w.getGradient().toDoubleArray();
          }
        });
  }

  /** A collection, time for the cleaner to free unreachable direct buffers, then new ones filled with 0x7f. */
  private static void collectAndOverwriteFreedMemory() {
    System.gc();
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.util.List<java.nio.ByteBuffer> filler = new java.util.ArrayList<>();
    for (int i = 0; i < 256; i++) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(4 + 4 * (i % 4));
      while (b.hasRemaining()) {
        b.put((byte) 0x7f);
      }
      filler.add(b);
    }
  }

  private double fairnessLoss(NDManager manager, double[] w) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray logits = logits(scope, scope.create(w, new Shape(UNITS, 1)));
      return TaskLosses.fairnessLoss(logits, labels, groups).getDouble();
    }
  }

  private NDArray logits(NDManager manager, NDArray w) {
    return manager.create(h, new Shape(ROWS, UNITS)).matMul(w).add(bias);
  }
}
