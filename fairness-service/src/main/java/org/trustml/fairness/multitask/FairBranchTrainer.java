package org.trustml.fairness.multitask;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.trustml.ml.GradientLock;
import org.trustml.ml.Seeds;

/**
 * Trains one multi-task network chunk by chunk, either as FairBranch (design note §8) or as a plain multi-task
 * model (all layers shared, Σ_t L_t, no surgery); a single-task model is the plain mode on one task.
 *
 * <h2>One FairBranch step</h2>
 * Each task's upper stack (its branch layers and head) runs twice on the shared trunk's output, once for F_t and
 * once for L_t, each on its own gradient leaves; one backward pass then yields every task's fairness and accuracy
 * gradient on every branched parameter separately. In each branch, the tasks' λ_t-weighted fairness gradients are
 * projected against each other (PCGrad, weights and biases separately), then their accuracy gradients; the branch's
 * update is the sum. λ_t becomes 0 for the next step when the head gradients of L_t and F_t conflict, else 1. The
 * shared trunk gets Σ_t (λ_t ∂F_t + ∂L_t) through a second backward pass from the trunk output. Before the first
 * branching the step is plain Σ_t L_t, as in the paper.
 *
 * <h2>Branching</h2>
 * Every {@code branchEvery} chunks, while there are at least two groups and more than one shared layer: linear
 * CKA among the groups' parameter matrices just above the shared layers (heads first), single-linkage grouping with
 * τ, the top shared layer copied per group, and a fresh optimiser.
 *
 * <h2>Checkpoint</h2>
 * Given validation rows, FairBranch keeps the epoch with the lowest median, over the validation batches, of
 * conflicting (> 90°) gradient pairs — the paper's rule; ties go to the later epoch. A batch's count is measured
 * without updating anything: pairs of tasks whose fairness gradients conflict plus pairs whose accuracy gradients
 * conflict, on every branched layer two or more tasks share (their weights) and on the shared trunk (the gradients
 * with respect to its output, the representation every task reads). The paper does not say where it counts on the
 * trunk; its output is where the tasks' pulls on shared parameters meet [inferred]. Without validation rows the last
 * epoch's model is returned.
 *
 * <p>Deterministic on the CPU for a seed: initialisation and batch order come from Java generators, the optimiser
 * runs in Java; measuring a checkpoint draws no random numbers and changes no state.
 */
public final class FairBranchTrainer {

  /** Training mode. */
  public enum Mode {
    /** Branching, fairness loss and FBGrad. */
    FAIR_BRANCH,
    /** Fully shared trunk trained on Σ_t L_t. */
    PLAIN
  }

  private final FairBranchConfig config;
  private final NDManager manager;
  private final TrainingListener listener;

  /**
   * @param manager the root manager every step's arrays are scoped under
   */
  public FairBranchTrainer(FairBranchConfig config, NDManager manager, TrainingListener listener) {
    this.config = config;
    this.manager = manager;
    this.listener = listener;
  }

  /**
   * A trained network with its history.
   *
   * @param net the network of the checkpoint epoch
   * @param branching every branching of the run, also those after the checkpoint epoch
   * @param checkpointEpoch the epoch whose network this is (the last one without checkpoint selection)
   */
  public record Trained(String name, BranchedNet net, List<BranchEvent> branching, List<EpochLog> epochs,
      int checkpointEpoch) {

    /** Predicted 0/1 labels per task and row ({@code logit ≥ 0}). */
    public int[][] predict(NDManager manager, MultiTaskData data) {
      int[][] out = new int[data.taskCount()][data.rows()];
      int batch = 4096;
      for (int start = 0; start < data.rows(); start += batch) {
        int n = Math.min(batch, data.rows() - start);
        float[] x =
            Arrays.copyOfRange(data.features(), start * data.featureCount(), (start + n) * data.featureCount());
        float[][] logits = net.logits(manager, x, n, data.featureCount());
        for (int t = 0; t < out.length; t++) {
          for (int i = 0; i < n; i++) {
            out[t][start + i] = logits[t][i] >= 0 ? 1 : 0;
          }
        }
      }
      return out;
    }

    /** Shared layers left at the end. */
    public int sharedDepth() {
      return net.sharedDepth();
    }
  }

  /** Trains a new network on {@code data} (its chunks in order, rows shuffled within each chunk); the last epoch. */
  public Trained train(String name, MultiTaskData data, Mode mode) {
    return train(name, data, null, mode);
  }

  /**
   * The same; in FairBranch mode with {@code validation} rows (may be null) the epoch with the fewest conflicting
   * gradient pairs on them is kept.
   */
  public Trained train(String name, MultiTaskData data, MultiTaskData validation, Mode mode) {
    boolean checkpoints = validation != null && validation.rows() > 0 && mode == Mode.FAIR_BRANCH;
    SplittableRandom random = Seeds.newRandom(config.seed());
    BranchedNet net = new BranchedNet(data.featureCount(), config.widths(), data.taskCount(), random.split());
    SplittableRandom order = random.split();
    AdamW optimiser = new AdamW(config.learningRate(), config.weightDecay());
    float[] lambda = new float[data.taskCount()];
    Arrays.fill(lambda, 1f);
    List<int[]> chunks = chunkRows(data);
    List<BranchEvent> events = new ArrayList<>();
    List<EpochLog> logs = new ArrayList<>();
    BranchedNet best = null;
    double bestConflicts = Double.POSITIVE_INFINITY;
    int bestEpoch = config.epochs();
    int chunksSeen = 0;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      StepStats stats = new StepStats();
      for (int[] chunk : chunks) {
        if (listener.cancelled()) {
          throw new CancellationException("training of " + name + " was cancelled");
        }
        int[] rows = chunk.clone();
        shuffle(rows, order);
        for (int start = 0; start < rows.length; start += config.batchSize()) {
          int[] batch = Arrays.copyOfRange(rows, start, Math.min(rows.length, start + config.batchSize()));
          optimiser.nextStep();
          step(net, data, batch, mode, lambda, optimiser, stats, false);
        }
        chunksSeen++;
        if (mode == Mode.FAIR_BRANCH && chunksSeen % config.branchEvery() == 0) {
          BranchEvent event = maybeBranch(net, data.taskNames(), epoch, chunksSeen);
          if (event != null) {
            events.add(event);
            optimiser.restart();
            net.allLayers().forEach(DenseLayer::resetMoments);
          }
        }
      }
      Double conflicts = null;
      if (checkpoints) {
        conflicts = validationConflicts(net, validation);
        if (conflicts <= bestConflicts) {
          bestConflicts = conflicts;
          bestEpoch = epoch;
          best = net.copy();
        }
      }
      logs.add(stats.log(name, epoch, net.sharedDepth(), conflicts));
      listener.epochDone(name, epoch, config.epochs());
    }
    return new Trained(name, checkpoints ? best : net, events, logs, bestEpoch);
  }

  /** The median over validation batches (in row order) of the conflicting gradient pairs, nothing updated. */
  private double validationConflicts(BranchedNet net, MultiTaskData validation) {
    float[] unused = new float[validation.taskCount()]; // measuring reads no λ and sets none
    int rows = validation.rows();
    int[] counts = new int[(rows + config.batchSize() - 1) / config.batchSize()];
    for (int b = 0; b < counts.length; b++) {
      int start = b * config.batchSize();
      int[] batch = new int[Math.min(rows, start + config.batchSize()) - start];
      for (int k = 0; k < batch.length; k++) {
        batch[k] = start + k;
      }
      StepStats measured = new StepStats();
      step(net, validation, batch, Mode.FAIR_BRANCH, unused, null, measured, true);
      counts[b] = measured.fairnessConflicts + measured.accuracyConflicts + measured.sharedConflicts;
    }
    return median(counts);
  }

  /** The median (the mean of the two middle values for an even count). */
  static double median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
  }

  private BranchEvent maybeBranch(BranchedNet net, List<String> taskNames, int epoch, int chunksSeen) {
    List<BranchedNet.Branch> groups = net.topGroups();
    if (groups.size() < 2 || net.sharedDepth() <= 1) {
      return null;
    }
    int n = groups.size();
    double[][][] matrices = new double[n][][];
    for (int g = 0; g < n; g++) {
      matrices[g] = groups.get(g).layer().weightMatrix();
    }
    double[][] affinity = new double[n][n];
    for (int a = 0; a < n; a++) {
      affinity[a][a] = 1;
      for (int b = a + 1; b < n; b++) {
        affinity[a][b] = LinearCka.similarity(matrices[a], matrices[b]);
        affinity[b][a] = affinity[a][b];
      }
    }
    List<List<Integer>> clusters = BranchGrouping.cluster(affinity, config.tau());
    List<List<Integer>> taskGroups = new ArrayList<>();
    for (List<Integer> cluster : clusters) {
      List<Integer> tasks = new ArrayList<>();
      for (int g : cluster) {
        tasks.addAll(groups.get(g).tasks());
      }
      tasks.sort(null);
      taskGroups.add(tasks);
    }
    int layer = net.sharedDepth();
    net.split(taskGroups);
    List<List<String>> compared = new ArrayList<>();
    for (BranchedNet.Branch group : groups) {
      compared.add(names(group.tasks(), taskNames));
    }
    List<List<String>> named = new ArrayList<>();
    for (List<Integer> tasks : taskGroups) {
      named.add(names(tasks, taskNames));
    }
    return new BranchEvent(epoch, chunksSeen, layer, named, affinity, compared);
  }

  private static List<String> names(List<Integer> tasks, List<String> taskNames) {
    return tasks.stream().map(taskNames::get).toList();
  }

  /**
   * One forward-backward-update on a batch; with {@code measure}, forward and backward only: conflicts counted with
   * unweighted fairness gradients (shared trunk included), nothing updated, λ untouched.
   */
  private void step(BranchedNet net, MultiTaskData data, int[] batch, Mode mode, float[] lambda, AdamW optimiser,
      StepStats stats, boolean measure) {
    int n = batch.length;
    int f = data.featureCount();
    int tasks = data.taskCount();
    float[] x = new float[n * f];
    int[][] y = new int[tasks][n];
    int[] s = new int[n];
    for (int k = 0; k < n; k++) {
      System.arraycopy(data.features(), batch[k] * f, x, k * f, f);
      for (int t = 0; t < tasks; t++) {
        y[t][k] = data.targets()[t][batch[k]];
      }
      s[k] = data.group()[batch[k]];
    }
    boolean fairnessOn = mode == Mode.FAIR_BRANCH && net.sharedDepth() < net.depth();
    int dc = net.sharedDepth();
    int depth = net.depth();
    GradientLock.collect(
        () -> {
          try (NDManager scope = manager.newSubManager();
              GradientCollector collector = scope.getEngine().newGradientCollector()) {
            // the shared trunk, once
            NDArray[][] trunk = new NDArray[dc][];
            NDArray h = scope.create(x, new Shape(n, f));
            for (int level = 0; level < dc; level++) {
              trunk[level] = BranchedNet.parameters(scope, net.branches(level).get(0).layer(), true);
              h = BranchedNet.hidden(h, trunk[level]);
            }
            float[] trunkOut = h.toFloatArray();
            long width = h.getShape().get(1);
            // each task's upper stack twice: [task][0 = fairness, 1 = accuracy]
            NDArray[][] inputs = new NDArray[tasks][2];
            NDArray[][][][] upper = new NDArray[tasks][2][depth - dc][];
            NDArray[][][] head = new NDArray[tasks][2][];
            NDArray objective = null;
            double accuracyLoss = 0;
            double fairnessLoss = 0;
            for (int t = 0; t < tasks; t++) {
              for (int kind = 0; kind < 2; kind++) {
                NDArray g = scope.create(trunkOut, new Shape(n, width));
                g.setRequiresGradient(true);
                inputs[t][kind] = g;
                for (int level = dc; level < depth; level++) {
                  upper[t][kind][level - dc] = BranchedNet.parameters(scope, net.layer(level, t), true);
                  g = BranchedNet.hidden(g, upper[t][kind][level - dc]);
                }
                head[t][kind] = BranchedNet.parameters(scope, net.head(t), true);
                NDArray logits = BranchedNet.linear(g, head[t][kind]);
                NDArray loss =
                    kind == 0 ? TaskLosses.fairnessLoss(logits, y[t], s) : TaskLosses.accuracyLoss(logits, y[t]);
                if (kind == 0) {
                  fairnessLoss += loss.getFloat();
                } else {
                  accuracyLoss += loss.getFloat();
                }
                objective = objective == null ? loss : objective.add(loss);
              }
            }
            collector.backward(objective);
            float[] weight = new float[tasks];
            for (int t = 0; t < tasks; t++) {
              weight[t] = measure ? 1f : fairnessOn ? lambda[t] : 0f;
            }
            // heads: not shared, no surgery; λ for the next step from the unweighted head gradients
            for (int t = 0; t < tasks && !measure; t++) {
              float[][] gf = gradients(head[t][0]);
              float[][] gl = gradients(head[t][1]);
              double conflict = GradientSurgery.dot(gf[0], gl[0]) + GradientSurgery.dot(gf[1], gl[1]);
              if (conflict < 0) {
                stats.headConflicts++;
              }
              optimiser.update(net.head(t), combine(gf[0], gl[0], weight[t]), combine(gf[1], gl[1], weight[t]));
              lambda[t] = conflict < 0 ? 0f : 1f;
            }
            // branched layers: FBGrad within each branch
            for (int level = dc; level < depth; level++) {
              for (BranchedNet.Branch branch : net.branches(level)) {
                List<Integer> members = branch.tasks();
                float[][] fw = new float[members.size()][];
                float[][] fb = new float[members.size()][];
                float[][] aw = new float[members.size()][];
                float[][] ab = new float[members.size()][];
                for (int m = 0; m < members.size(); m++) {
                  int t = members.get(m);
                  float[][] gf = gradients(upper[t][0][level - dc]);
                  float[][] gl = gradients(upper[t][1][level - dc]);
                  fw[m] = scaled(gf[0], weight[t]);
                  fb[m] = scaled(gf[1], weight[t]);
                  aw[m] = gl[0];
                  ab[m] = gl[1];
                }
                GradientSurgery.Result pfw = GradientSurgery.project(fw);
                GradientSurgery.Result pfb = GradientSurgery.project(fb);
                GradientSurgery.Result paw = GradientSurgery.project(aw);
                GradientSurgery.Result pab = GradientSurgery.project(ab);
                stats.fairnessConflicts += pfw.conflicts();
                stats.accuracyConflicts += paw.conflicts();
                float[] gw = new float[branch.layer().weight.length];
                float[] gb = new float[branch.layer().bias.length];
                for (int m = 0; m < members.size(); m++) {
                  addInto(gw, pfw.gradients()[m]);
                  addInto(gw, paw.gradients()[m]);
                  addInto(gb, pfb.gradients()[m]);
                  addInto(gb, pab.gradients()[m]);
                }
                if (!measure) {
                  optimiser.update(branch.layer(), gw, gb);
                }
              }
            }
            if (measure) {
              float[][] fairness = new float[tasks][];
              float[][] accuracy = new float[tasks][];
              for (int t = 0; t < tasks; t++) {
                fairness[t] = inputs[t][0].getGradient().toFloatArray();
                accuracy[t] = inputs[t][1].getGradient().toFloatArray();
              }
              stats.sharedConflicts += conflictingPairs(fairness) + conflictingPairs(accuracy);
              stats.add(accuracyLoss, fairnessLoss);
              return null;
            }
            // the trunk: Σ_t (λ_t ∂F_t + ∂L_t) w.r.t. its output, pushed down by a second backward pass
            float[] upstream = new float[trunkOut.length];
            for (int t = 0; t < tasks; t++) {
              float[] gf = inputs[t][0].getGradient().toFloatArray();
              float[] gl = inputs[t][1].getGradient().toFloatArray();
              for (int i = 0; i < upstream.length; i++) {
                upstream[i] += weight[t] * gf[i] + gl[i];
              }
            }
            collector.backward(h.mul(scope.create(upstream, h.getShape())).sum());
            for (int level = 0; level < dc; level++) {
              float[][] g = gradients(trunk[level]);
              optimiser.update(net.branches(level).get(0).layer(), g[0], g[1]);
            }
            stats.add(accuracyLoss, fairnessLoss);
          }
          return null;
        });
  }

  /** Pairs (a, b), a &lt; b, whose gradients point more than 90° apart. */
  static int conflictingPairs(float[][] gradients) {
    int count = 0;
    for (int a = 0; a < gradients.length; a++) {
      for (int b = a + 1; b < gradients.length; b++) {
        count += GradientSurgery.dot(gradients[a], gradients[b]) < 0 ? 1 : 0;
      }
    }
    return count;
  }

  private static float[][] gradients(NDArray[] parameters) {
    return new float[][] {parameters[0].getGradient().toFloatArray(), parameters[1].getGradient().toFloatArray()};
  }

  private static float[] combine(float[] fairness, float[] accuracy, float weight) {
    float[] out = new float[accuracy.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * fairness[i] + accuracy[i];
    }
    return out;
  }

  private static float[] scaled(float[] g, float weight) {
    float[] out = new float[g.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = weight * g[i];
    }
    return out;
  }

  private static void addInto(float[] sum, float[] g) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += g[i];
    }
  }

  private static List<int[]> chunkRows(MultiTaskData data) {
    int count = data.chunkCount();
    int[] sizes = new int[count];
    for (int c : data.chunk()) {
      sizes[c]++;
    }
    List<int[]> chunks = new ArrayList<>();
    int[] filled = new int[count];
    for (int c = 0; c < count; c++) {
      chunks.add(new int[sizes[c]]);
    }
    for (int i = 0; i < data.rows(); i++) {
      int c = data.chunk()[i];
      chunks.get(c)[filled[c]++] = i;
    }
    chunks.removeIf(rows -> rows.length == 0);
    return chunks;
  }

  private static void shuffle(int[] rows, SplittableRandom random) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }

  /** Sums over an epoch's steps. */
  private static final class StepStats {
    int steps;
    double accuracyLoss;
    double fairnessLoss;
    int fairnessConflicts;
    int accuracyConflicts;
    int headConflicts;
    int sharedConflicts;

    void add(double accuracy, double fairness) {
      steps++;
      accuracyLoss += accuracy;
      fairnessLoss += fairness;
    }

    EpochLog log(String model, int epoch, int sharedDepth, Double validationConflicts) {
      int d = Math.max(steps, 1);
      return new EpochLog(
          model,
          epoch,
          accuracyLoss / d,
          fairnessLoss / d,
          fairnessConflicts,
          accuracyConflicts,
          headConflicts,
          sharedDepth,
          validationConflicts);
    }
  }
}
