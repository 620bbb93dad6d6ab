package org.trustml.pruning.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.ProgressListener;
import org.trustml.pruning.coverage.CoverageReport;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.encoder.EncoderSpec;
import org.trustml.pruning.encoder.EncoderTraining;
import org.trustml.pruning.encoder.EvaluationSpec;
import org.trustml.pruning.encoder.Labels;
import org.trustml.pruning.encoder.SubsetEvaluation;
import org.trustml.pruning.encoder.TrainedEncoder;
import org.trustml.pruning.encoder.TrainingDynamics;
import org.trustml.pruning.manifold.ManifoldStage;

/**
 * Runs an {@link EvaluationProtocol}: trains the selection encoder once on the full training set (embeddings, AUM,
 * forgetting), lets every method choose a coreset at every rate with every seed, trains a fresh model on each for the
 * protocol's iterations (and, where asked, for equal epochs) and tests it; then the overlap across seeds, the noise
 * sweep (kept-set Jaccard and accuracy with noisy embeddings at the highest rate) and the transfer experiment. Progress counts model trainings; the
 * cancellation check is asked before each and inside every training.
 */
public final class Evaluator {

  private final MlEngine ml;
  private final EvaluationProtocol protocol;
  private final ProgressListener progress;
  private final CancellationCheck cancel;
  private final Timings timings = new Timings();
  /** Kept ids of the main run by method, rate and seed, for the overlaps and the transfer. */
  private final Map<String, int[]> kept = new HashMap<>();
  private final Map<String, Double> accuracies = new HashMap<>();
  private LabeledData train;
  private LabeledData test;
  private int classes;
  private int done;
  private int total;

  private Evaluator(MlEngine ml, EvaluationProtocol protocol, ProgressListener progress, CancellationCheck cancel) {
    this.ml = ml;
    this.protocol = protocol;
    this.progress = progress;
    this.cancel = cancel;
  }

  /**
   * @param train    training images N x C x H x W in [0, 1] with int labels 0 … C − 1 (not modified)
   * @param test     test images of the same shape and classes
   * @param progress told after every training, fraction of all trainings
   * @param cancel   asked before and during every training; what it throws ends the evaluation
   * @throws IllegalArgumentException for labels that are not 0 … C − 1 with C ≥ 2, or a class too small for a rate
   */
  public static EvaluationReport run(MlEngine ml, LabeledData train, LabeledData test, EvaluationProtocol protocol,
      ProgressListener progress, CancellationCheck cancel) {
    return new Evaluator(ml, protocol, progress, cancel).run(train, test);
  }

  private EvaluationReport run(LabeledData trainSet, LabeledData testSet) {
    long start = System.nanoTime();
    train = trainSet;
    test = testSet;
    int[] labels = Labels.codes(train.labels());
    classes = IntStream.of(labels).max().orElse(0) + 1;
    if (classes < 2) {
      throw new IllegalArgumentException("the training set must have at least two classes, got " + classes);
    }
    List<EvaluatedMethod> methods = protocol.methods();
    int seeds = protocol.seeds().length;
    boolean transfer = protocol.transferEncoder() != null;
    boolean transferRetrains = transfer && protocol.transferTrained() != protocol.trainedModel();
    total = 1 + (transfer ? 1 : 0) + seeds
        + methods.size() * protocol.rates().length * seeds * (protocol.equalEpochs() ? 2 : 1)
        + protocol.noiseLevels().length * methods.size() * 2
        + (transfer ? methods.size() * seeds * (transferRetrains ? 2 : 1) : 0);

    List<EvaluationReport.EncoderRun> encoders = new ArrayList<>();
    Encoded selection = encode(protocol.selectionEncoder(), encoders);
    CoresetSelector selector = new CoresetSelector(protocol.selectionEncoder().id(), selection.embeddings(), labels,
        selection.dynamics(), timings);

    long fullStart = System.nanoTime();
    int[] everything = IntStream.range(0, labels.length).toArray();
    double[] full = new double[seeds];
    for (int s = 0; s < seeds; s++) {
      full[s] = trainAndTest(everything, protocol.trainedModel(), protocol.iterations(), protocol.seeds()[s],
          "full training set");
    }
    timings.add("full training set, " + seeds + " seeds", fullStart);

    List<EvaluationReport.AccuracyCell> cells = new ArrayList<>();
    List<EvaluationReport.AccuracyCell> epochCells = new ArrayList<>();
    List<EvaluationReport.SeedOverlap> overlaps = new ArrayList<>();
    for (EvaluatedMethod method : methods) {
      long methodStart = System.nanoTime();
      for (double rate : protocol.rates()) {
        double[] acc = new double[seeds];
        double[] epochAcc = new double[seeds];
        double selectSeconds = 0;
        double trainSeconds = 0;
        double epochSeconds = 0;
        List<int[]> sets = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
          long seed = protocol.seeds()[s];
          cancel.check();
          long t0 = System.nanoTime();
          int[] ids = selector.kept(method, rate, seed);
          long t1 = System.nanoTime();
          String what = f("%s at %.0f %%, seed %d", method.id(), rate * 100, seed);
          acc[s] = trainAndTest(ids, protocol.trainedModel(), protocol.iterations(), seed, what);
          long t2 = System.nanoTime();
          if (protocol.equalEpochs()) {
            epochAcc[s] = trainAndTest(ids, protocol.trainedModel(), protocol.equalEpochSteps(ids.length,
                labels.length), seed, what + ", equal epochs");
          }
          selectSeconds += (t1 - t0) / 1e9;
          trainSeconds += (t2 - t1) / 1e9;
          epochSeconds += (System.nanoTime() - t2) / 1e9;
          kept.put(key(protocol.selectionEncoder(), method, rate, seed), ids);
          accuracies.put(key(protocol.selectionEncoder(), method, rate, seed) + "→" + protocol.trainedModel(), acc[s]);
          sets.add(ids);
        }
        int size = sets.get(0).length;
        cells.add(new EvaluationReport.AccuracyCell(method.id(), rate, size, protocol.iterations(), Summary.of(acc),
            selectSeconds / seeds, trainSeconds / seeds));
        if (protocol.equalEpochs()) {
          epochCells.add(new EvaluationReport.AccuracyCell(method.id(), rate, size,
              protocol.equalEpochSteps(size, labels.length), Summary.of(epochAcc), selectSeconds / seeds,
              epochSeconds / seeds));
        }
        if (seeds > 1) {
          overlaps.add(new EvaluationReport.SeedOverlap(method.id(), rate, Jaccard.meanPairwise(sets)));
        }
      }
      timings.add("accuracy grid " + method.id(), methodStart);
    }

    List<EvaluationReport.CoverageCell> coverage = coverage(selection.embeddings(), labels);
    double median = EmbeddingNoise.medianNearestNeighborDistance(selection.embeddings(),
        protocol.nearestNeighborSample(), protocol.seed());
    List<EvaluationReport.NoiseCell> noise = noise(selection, selector, labels, median);
    List<EvaluationReport.TransferCell> transfers = transfer ? transfer(labels, encoders) : List.of();
    progress.progress(1, "evaluation done");
    return new EvaluationReport(protocol, encoders, median, Summary.of(full), cells, epochCells, overlaps, coverage,
        noise, transfers, timings.entries(), (System.nanoTime() - start) / 1e9);
  }

  /** The coverage of every method's first-seed coreset at every rate, in the embeddings the methods selected in. */
  private List<EvaluationReport.CoverageCell> coverage(float[][] embeddings, int[] labels) {
    long start = System.nanoTime();
    double[] points = ManifoldStage.rowMajor(embeddings);
    int dimension = embeddings[0].length;
    long seed = protocol.seeds()[0];
    List<EvaluationReport.CoverageCell> cells = new ArrayList<>();
    for (EvaluatedMethod method : protocol.methods()) {
      for (double rate : protocol.rates()) {
        cancel.check();
        boolean[] keep = new boolean[labels.length];
        for (int i : kept.get(key(protocol.selectionEncoder(), method, rate, seed))) {
          keep[i] = true;
        }
        CoverageReport r = CoverageReport.of(points, dimension, labels, keep, protocol.seed());
        cells.add(new EvaluationReport.CoverageCell(method.id(), rate, r.auc(), r.coveredAtRadius(),
            r.coveringRadius(), r.redundantFraction()));
      }
    }
    timings.add("coverage of the first seed's coresets", start);
    return cells;
  }

  private List<EvaluationReport.NoiseCell> noise(Encoded selection, CoresetSelector clean, int[] labels,
      double median) {
    double rate = protocol.highestRate();
    long seed = protocol.seeds()[0];
    List<EvaluationReport.NoiseCell> cells = new ArrayList<>();
    double[] levels = protocol.noiseLevels();
    for (int l = 0; l < levels.length; l++) {
      long levelStart = System.nanoTime();
      double sigma = levels[l] * median;
      float[][] noisy = EmbeddingNoise.perturbed(selection.embeddings(), sigma, protocol.seed() + 1 + l);
      String label = f("%s, σ = %.2f·NN", protocol.selectionEncoder().id(), levels[l]);
      CoresetSelector selector = new CoresetSelector(label, noisy, labels, selection.dynamics(), timings);
      for (EvaluatedMethod method : protocol.methods()) {
        cancel.check();
        int[] ids = selector.kept(method, rate, seed);
        step("noise " + label + " " + method.id() + " selected");
        double accuracy = trainAndTest(ids, protocol.trainedModel(), protocol.iterations(), seed,
            f("noise %s %s", label, method.id()));
        // both scores are cached by the selections above: no extra work
        Double spearman = method.isTopoPrune() ? RankCorrelation.spearman(clean.topoScore(method, seed),
            selector.topoScore(method, seed)) : null;
        cells.add(new EvaluationReport.NoiseCell(method.id(), levels[l], sigma,
            Jaccard.of(kept.get(key(protocol.selectionEncoder(), method, rate, seed)), ids), accuracy,
            accuracies.get(key(protocol.selectionEncoder(), method, rate, seed) + "→" + protocol.trainedModel()),
            method.usesEmbeddings(), spearman));
      }
      timings.add("noise level " + levels[l], levelStart);
    }
    return cells;
  }

  private List<EvaluationReport.TransferCell> transfer(int[] labels, List<EvaluationReport.EncoderRun> encoders) {
    long transferStart = System.nanoTime();
    Architecture own = protocol.transferEncoder();
    Architecture trained = protocol.transferTrained();
    Encoded encoded = encode(own, encoders);
    CoresetSelector selector = new CoresetSelector(own.id(), encoded.embeddings(), labels, encoded.dynamics(),
        timings);
    double rate = protocol.highestRate();
    int seeds = protocol.seeds().length;
    List<EvaluationReport.TransferCell> cells = new ArrayList<>();
    for (EvaluatedMethod method : protocol.methods()) {
      double[] ownAcc = new double[seeds];
      double[] otherAcc = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        long seed = protocol.seeds()[s];
        cancel.check();
        int[] ids = selector.kept(method, rate, seed);
        ownAcc[s] = trainAndTest(ids, trained, protocol.iterations(), seed,
            f("transfer: %s coreset of %s → %s, seed %d", method.id(), own.id(), trained.id(), seed));
        String otherKey = key(protocol.selectionEncoder(), method, rate, seed) + "→" + trained;
        Double known = accuracies.get(otherKey);
        otherAcc[s] = known != null ? known : trainAndTest(kept.get(key(protocol.selectionEncoder(), method, rate,
            seed)), trained, protocol.iterations(), seed, f("transfer: %s coreset of %s → %s, seed %d",
            method.id(), protocol.selectionEncoder().id(), trained.id(), seed));
      }
      Summary ownSummary = Summary.of(ownAcc);
      Summary otherSummary = Summary.of(otherAcc);
      cells.add(new EvaluationReport.TransferCell(method.id(), rate, trained.id(), ownSummary, otherSummary,
          protocol.selectionEncoder().id(), otherSummary.mean() - ownSummary.mean()));
    }
    timings.add("transfer (" + own.id() + " encoder, " + trained.id() + " trained)", transferStart);
    return cells;
  }

  /** Trains an encoder on the full training set and keeps what selection needs; the model is closed. */
  private Encoded encode(Architecture architecture, List<EvaluationReport.EncoderRun> encoders) {
    long start = System.nanoTime();
    EncoderSpec spec = EncoderSpec.defaults(architecture, classes, protocol.seed())
        .withEpochs(protocol.encoderEpochs());
    try (TrainedEncoder encoder = EncoderTraining.train(ml, train, spec, ProgressListener.NONE, cancel)) {
      float[][] embeddings = encoder.embed(train.features());
      double testAccuracy = encoder.accuracy(test);
      double seconds = (System.nanoTime() - start) / 1e9;
      timings.add("encoder " + architecture.id() + " (" + protocol.encoderEpochs() + " epochs, embeddings)", start);
      encoders.add(new EvaluationReport.EncoderRun(architecture.id(), testAccuracy, seconds));
      step("encoder " + architecture.id() + " trained");
      return new Encoded(embeddings, encoder.dynamics());
    }
  }

  private double trainAndTest(int[] subset, Architecture architecture, long steps, long seed, String what) {
    cancel.check();
    EvaluationSpec spec = EvaluationSpec.of(architecture, classes, steps, seed);
    double accuracy = SubsetEvaluation.trainAndEvaluate(ml, train, subset, test, spec, ProgressListener.NONE, cancel)
        .accuracy();
    step(what);
    return accuracy;
  }

  private void step(String what) {
    done++;
    progress.progress(Math.min(1.0, (double) done / total), what);
  }

  private static String key(Architecture encoder, EvaluatedMethod method, double rate, long seed) {
    return encoder + "/" + method + "/" + rate + "/" + seed;
  }

  private static String f(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  private record Encoded(float[][] embeddings, TrainingDynamics dynamics) {}
}
