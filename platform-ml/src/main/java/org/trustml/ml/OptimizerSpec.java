package org.trustml.ml;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Optimizer settings as plain values. An optimizer keeps per-parameter state (momentum, Adam's moments), so each
 * training run gets a fresh one from {@link #newOptimizer()} rather than sharing an instance.
 *
 * @param kind {@code sgd} or {@code adam}
 * @param learningRate fixed step size, positive
 * @param momentum SGD momentum in [0, 1); ignored by Adam
 * @param weightDecay L2 penalty, >= 0
 */
public record OptimizerSpec(String kind, float learningRate, float momentum, float weightDecay) {

  /** Checks the values. */
  public OptimizerSpec {
    kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (!kind.equals("sgd") && !kind.equals("adam")) {
      throw new IllegalArgumentException("optimizer must be sgd or adam, was '" + kind + "'");
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weightDecay must be >= 0, was " + weightDecay);
    }
  }

  /** Plain SGD. */
  public static OptimizerSpec sgd(float learningRate) {
    return new OptimizerSpec("sgd", learningRate, 0, 0);
  }

  /** SGD with momentum. */
  public static OptimizerSpec sgd(float learningRate, float momentum) {
    return new OptimizerSpec("sgd", learningRate, momentum, 0);
  }

  /** Adam with the usual betas (0.9, 0.999). */
  public static OptimizerSpec adam(float learningRate) {
    return new OptimizerSpec("adam", learningRate, 0, 0);
  }

  /** A new optimizer with these settings; not shared between runs. */
  public Optimizer newOptimizer() {
    Tracker rate = Tracker.fixed(learningRate);
    if (kind.equals("adam")) {
      return Optimizer.adam().optLearningRateTracker(rate).optWeightDecays(weightDecay).build();
    }
    return Optimizer.sgd().setLearningRateTracker(rate).optMomentum(momentum).optWeightDecays(weightDecay).build();
  }

  /** The settings under kebab-case keys, for provenance. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", kind);
    map.put("learning-rate", learningRate);
    map.put("momentum", momentum);
    map.put("weight-decay", weightDecay);
    return map;
  }
}
