package org.trustml.fairness.multitask;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-task trunk that branches from the top down: hidden layers {@code 0..d-1} (Linear + LayerNorm without
 * affine + ReLU) and one Linear({@code h}, 1) head per task. Layers below {@link #sharedDepth()} are shared by all
 * tasks; every layer from there up exists once per branch, a branch being the group of tasks that uses it. Groups
 * only ever merge going down, so the branches form a tree.
 *
 * <p>LayerNorm stands in for the paper's BatchNorm: it has no running statistics, so training and evaluation run
 * the same function and a copied layer needs nothing but its parameters.
 */
final class BranchedNet {

  private static final double NORM_EPSILON = 1e-5;

  private final int taskCount;
  private final List<List<Branch>> levels = new ArrayList<>();
  private final DenseLayer[] heads;
  private int sharedDepth;

  /** One layer copy and the tasks that use it. */
  record Branch(List<Integer> tasks, DenseLayer layer) {}

  BranchedNet(int inputs, List<Integer> widths, int taskCount, SplittableRandom random) {
    if (widths.isEmpty()) {
      throw new IllegalArgumentException("at least one hidden layer is required");
    }
    this.taskCount = taskCount;
    List<Integer> all = new ArrayList<>();
    for (int t = 0; t < taskCount; t++) {
      all.add(t);
    }
    int in = inputs;
    for (int width : widths) {
      levels.add(new ArrayList<>(List.of(new Branch(List.copyOf(all), DenseLayer.initialised(in, width, random)))));
      in = width;
    }
    heads = new DenseLayer[taskCount];
    for (int t = 0; t < taskCount; t++) {
      heads[t] = DenseLayer.initialised(in, 1, random);
    }
    sharedDepth = widths.size();
  }

  private BranchedNet(BranchedNet source) {
    taskCount = source.taskCount;
    for (List<Branch> level : source.levels) {
      List<Branch> copied = new ArrayList<>();
      for (Branch branch : level) {
        copied.add(new Branch(branch.tasks(), branch.layer().copy()));
      }
      levels.add(copied);
    }
    heads = new DenseLayer[taskCount];
    for (int t = 0; t < taskCount; t++) {
      heads[t] = source.heads[t].copy();
    }
    sharedDepth = source.sharedDepth;
  }

  /** A snapshot: the same branches and parameters, nothing shared with this net (optimiser moments left out). */
  BranchedNet copy() {
    return new BranchedNet(this);
  }

  int depth() {
    return levels.size();
  }

  int taskCount() {
    return taskCount;
  }

  /** How many bottom layers all tasks still share (dc). */
  int sharedDepth() {
    return sharedDepth;
  }

  DenseLayer head(int task) {
    return heads[task];
  }

  /** The branches of one level; a shared level has one branch holding every task. */
  List<Branch> branches(int level) {
    return levels.get(level);
  }

  /** The layer task {@code task} uses at {@code level}. */
  DenseLayer layer(int level, int task) {
    for (Branch branch : levels.get(level)) {
      if (branch.tasks().contains(task)) {
        return branch.layer();
      }
    }
    throw new IllegalStateException("task " + task + " has no branch at level " + level);
  }

  /**
   * The groups just above the shared layers, with the parameter matrix each has there: every task alone with its
   * head while nothing is branched, else the branches of level {@code sharedDepth}.
   */
  List<Branch> topGroups() {
    if (sharedDepth == depth()) {
      List<Branch> singles = new ArrayList<>();
      for (int t = 0; t < taskCount; t++) {
        singles.add(new Branch(List.of(t), heads[t]));
      }
      return singles;
    }
    return levels.get(sharedDepth);
  }

  /**
   * Replaces the top shared layer by one copy per group (each initialised from the shared weights) and lowers the
   * shared depth by one.
   *
   * @param groups task groups that partition all tasks
   */
  void split(List<List<Integer>> groups) {
    if (sharedDepth <= 1) {
      throw new IllegalStateException("the bottom layer stays shared");
    }
    int level = sharedDepth - 1;
    DenseLayer shared = levels.get(level).get(0).layer();
    List<Branch> copies = new ArrayList<>();
    for (List<Integer> group : groups) {
      copies.add(new Branch(List.copyOf(group), shared.copy()));
    }
    levels.set(level, copies);
    sharedDepth = level;
  }

  /** Every layer, heads included: the optimiser restarts over all of them after a split. */
  List<DenseLayer> allLayers() {
    List<DenseLayer> layers = new ArrayList<>();
    for (List<Branch> level : levels) {
      for (Branch branch : level) {
        layers.add(branch.layer());
      }
    }
    layers.addAll(List.of(heads));
    return layers;
  }

  /**
   * Logits ({@code n × 1}) of every task for a feature batch, without gradients.
   *
   * @return {@code [task][row]}
   */
  float[][] logits(NDManager manager, float[] features, int rows, int featureCount) {
    float[][] out = new float[taskCount][];
    try (NDManager scope = manager.newSubManager()) {
      NDArray h = scope.create(features, new Shape(rows, featureCount));
      for (int level = 0; level < sharedDepth; level++) {
        h = hidden(h, constant(scope, levels.get(level).get(0).layer()));
      }
      for (int t = 0; t < taskCount; t++) {
        NDArray g = h;
        for (int level = sharedDepth; level < depth(); level++) {
          g = hidden(g, constant(scope, layer(level, t)));
        }
        out[t] = linear(g, constant(scope, heads[t])).toFloatArray();
      }
    }
    return out;
  }

  /** A layer's parameters as NDArrays: {@code [weight (in × out), bias (out)]}; gradient leaves if asked. */
  static NDArray[] parameters(NDManager manager, DenseLayer layer, boolean requiresGradient) {
    NDArray w = manager.create(layer.weight, new Shape(layer.in, layer.out));
    NDArray b = manager.create(layer.bias, new Shape(layer.out));
    if (requiresGradient) {
      w.setRequiresGradient(true);
      b.setRequiresGradient(true);
    }
    return new NDArray[] {w, b};
  }

  private static NDArray[] constant(NDManager manager, DenseLayer layer) {
    return parameters(manager, layer, false);
  }

  /** Linear, then LayerNorm over the units (no affine parameters), then ReLU. */
  static NDArray hidden(NDArray h, NDArray[] parameters) {
    NDArray z = linear(h, parameters);
    NDArray centred = z.sub(z.mean(new int[] {1}, true));
    NDArray variance = centred.square().mean(new int[] {1}, true);
    return Activation.relu(centred.div(variance.add(NORM_EPSILON).sqrt()));
  }

  static NDArray linear(NDArray h, NDArray[] parameters) {
    return h.matMul(parameters[0]).add(parameters[1]);
  }
}
