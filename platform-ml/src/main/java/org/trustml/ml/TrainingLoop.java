package org.trustml.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingConfig;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.SplittableRandom;
import org.trustml.core.job.JobContext;

/**
 * Mini-batch training that a job can follow and stop: weights initialised from the seed, examples shuffled every
 * epoch from the same seed, progress reported after every batch, cancellation checked before every batch.
 *
 * <pre>{@code
 * try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(d, 64, 2))) {
 *   LabeledData train = table.toDataset(data).labeled();
 *   TrainingResult r = TrainingLoop.fit(model, train, spec, ctx::progress, ctx::checkCancelled);
 * }
 * }</pre>
 *
 * <p>With the same seed, data, spec and engine, a CPU run gives the same weights bit for bit: initialisation is
 * seeded under {@link Seeds#withEngineSeed}'s lock, the order of examples comes from a {@link SplittableRandom}, and
 * the built-in blocks draw nothing at random while training.
 *
 * <p>Concurrent runs in one JVM take turns step by step ({@link GradientLock}): DJL's PyTorch engine allows one
 * gradient collector at a time.
 *
 * <p>Each batch's arrays (the gathered examples, activations, loss) live in a sub-manager of the data's manager
 * that is closed when the batch ends; without it they would stay until the data's manager closes and a long run
 * would run out of memory.
 */
public final class TrainingLoop {

  private TrainingLoop() {}

  /** {@link #fit(Model, LabeledData, TrainingSpec, ProgressListener, CancellationCheck)} reporting to a job. */
  public static TrainingResult fit(Model model, LabeledData data, TrainingSpec spec, JobContext ctx) {
    return fit(model, data, spec, ctx::progress, ctx::checkCancelled);
  }

  /**
   * Trains {@code model}'s block on {@code data}.
   *
   * @param model holds the block; uninitialised parameters are initialised from the seed, initialised ones (a loaded
   *     model) are trained further. Modified: its parameters are the trained weights afterwards
   * @param data the examples and labels; not modified
   * @param progress told after every batch; the fraction never decreases and reaches 1 at the end
   * @param cancellation asked before every batch; whatever it throws ends training and propagates
   * @throws IllegalArgumentException if there are no examples
   */
  public static TrainingResult fit(
      Model model, LabeledData data, TrainingSpec spec, ProgressListener progress, CancellationCheck cancellation) {
    return fit(model, data, spec, progress, cancellation, TrainingObserver.NONE);
  }

  /**
   * {@link #fit(Model, LabeledData, TrainingSpec, ProgressListener, CancellationCheck)} that shows every batch and
   * epoch to {@code observer}, which may also end training early (an iteration budget); the result then lists the
   * last, partial epoch with its mean loss over the examples it saw.
   */
  public static TrainingResult fit(Model model, LabeledData data, TrainingSpec spec, ProgressListener progress,
      CancellationCheck cancellation, TrainingObserver observer) {
    long started = System.nanoTime();
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("there is no example to train on");
    }
    int batchSize = Math.min(spec.batchSize(), n);
    int batches = (n + batchSize - 1) / batchSize;
    long totalSteps = (long) batches * spec.epochs();
    Device device = model.getNDManager().getDevice();
    TrainingConfig config =
        new DefaultTrainingConfig(spec.loss())
            .optOptimizer(spec.optimizer().newOptimizer())
            .optDevices(new Device[] {device});
    SplittableRandom shuffles = Seeds.newRandom(spec.seed());
    List<EpochStats> epochs = new ArrayList<>(spec.epochs());
    Set<NDArray> before = identities(model.getNDManager().getManagedArrays());
    try (Trainer trainer = model.newTrainer(config)) {
      Shape batchShape = batchShape(data.features().getShape(), batchSize);
      Seeds.withEngineSeed(
          model.getNDManager().getEngine(),
          spec.seed(),
          () -> {
            trainer.initialize(batchShape);
            return null;
          });
      long step = 0;
      boolean going = true;
      for (int epoch = 1; epoch <= spec.epochs() && going; epoch++) {
        long epochStart = System.nanoTime();
        int[] order = Seeds.permutation(n, shuffles);
        double lossSum = 0;
        int seen = 0;
        for (int b = 0; b < batches && going; b++) {
          cancellation.check();
          int from = b * batchSize;
          int to = Math.min(from + batchSize, n);
          float[][] outputs = observer.wantsOutputs() ? new float[1][] : null;
          double loss = step(trainer, data, order, from, to, device, outputs);
          lossSum += loss * (to - from);
          seen += to - from;
          step++;
          going = observer.afterBatch(epoch, Arrays.copyOfRange(order, from, to), outputs == null ? null : outputs[0]);
          progress.progress(
              going ? (double) step / totalSteps : 1.0,
              String.format(
                  Locale.ROOT, "epoch %d/%d batch %d/%d loss %.4f", epoch, spec.epochs(), b + 1, batches, loss));
        }
        epochs.add(new EpochStats(epoch, lossSum / seen, seconds(epochStart)));
        if (going) {
          observer.afterEpoch(epoch);
        }
      }
    } finally {
      closeLeftovers(model, before);
    }
    return new TrainingResult(spec.seed(), n, batches, epochs, seconds(started));
  }

  /**
   * One optimizer step on the examples {@code order[from..to)}; returns the batch's loss and, when {@code outputs} is
   * given, puts the forward pass's outputs, flattened, in {@code outputs[0]}.
   */
  private static double step(
      Trainer trainer, LabeledData data, int[] order, int from, int to, Device device, float[][] outputs) {
    try (NDManager batch = data.features().getManager().newSubManager()) {
      long[] rows = new long[to - from];
      for (int i = from; i < to; i++) {
        rows[i - from] = order[i];
      }
      NDArray index = batch.create(rows);
      NDArray x = data.features().get(index);
      NDArray y = data.labels().get(index);
      // the gathered rows are created in the data's manager; move them so the batch's close frees them
      x.attach(batch);
      y.attach(batch);
      if (!x.getDevice().equals(device)) {
        x = x.toDevice(device, false);
        y = y.toDevice(device, false);
      }
      NDList inputs = new NDList(x);
      NDList labels = new NDList(y);
      return GradientLock.collect(
          () -> {
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDList predictions = trainer.forward(inputs, labels);
              NDArray loss = trainer.getLoss().evaluate(labels, predictions);
              if (outputs != null) {
                outputs[0] = predictions.head().toType(DataType.FLOAT32, false).toFloatArray();
              }
              collector.backward(loss);
              double value = loss.getFloat();
              trainer.step();
              return value;
            }
          });
    }
  }

  /**
   * DJL's trainer checks the gradients on its first step through {@code getGradient()} handles that it hands back
   * to the model's manager, so every run would leave one handle per parameter until the model closes (a service
   * that fine-tunes one model many times would pile them up). Closes whatever the run added to the model's manager
   * that is not a parameter; closing a gradient handle leaves the gradient itself in place.
   */
  private static void closeLeftovers(Model model, Set<NDArray> before) {
    Set<NDArray> keep = identities(model.getNDManager().getManagedArrays().stream().filter(before::contains).toList());
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      if (p.getValue().isInitialized()) {
        keep.add(p.getValue().getArray());
      }
    }
    for (NDArray array : model.getNDManager().getManagedArrays()) {
      if (!keep.contains(array)) {
        array.close();
      }
    }
  }

  private static Set<NDArray> identities(List<NDArray> arrays) {
    Set<NDArray> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(arrays);
    return set;
  }

  private static Shape batchShape(Shape features, int batchSize) {
    long[] dims = features.getShape().clone();
    dims[0] = batchSize;
    return new Shape(dims);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
