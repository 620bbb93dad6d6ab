package org.trustml.pruning.job;

import ai.djl.ndarray.NDManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.evaluation.EvaluatedMethod;
import org.trustml.pruning.evaluation.EvaluationProtocol;
import org.trustml.pruning.evaluation.EvaluationReport;
import org.trustml.pruning.evaluation.Evaluator;
import org.trustml.pruning.evaluation.ReachVerdict;
import org.trustml.pruning.selection.ClassBudgets;
import org.trustml.pruning.selection.SelectionParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paper's claims measured on catalog data ({@code org.trustml.pruning.evaluation}): trains the selection encoder
 * on a training set (IDX images with IDX labels, or an image-folder ZIP: see {@link ImageDatasets}), lets every method
 * choose a coreset at every rate and seed, trains a fresh model on each for a fixed number of steps and tests it on a
 * test set of the same kind of images; then the overlap across seeds, the embedding-noise sweep
 * and the transfer between encoders. Writes {@value #REPORT} (every number and timing) and returns the accuracy at the
 * highest rate per method and the reach verdicts. Progress is one step per model training; cancellation is checked
 * before and inside every training.
 */
@Component
public class EvaluateJob implements JobHandler<EvaluateJob.Params> {

  /** The job type. */
  public static final String TYPE = "pruning.evaluate";
  /** The report artifact. */
  public static final String REPORT = "evaluation.json";

  /**
   * @param images           training images, IDX n x H x W or an image folder n x C x H x W (H, W divisible by 4 for
   *                         the small CNN)
   * @param labels           their IDX labels 0 … C − 1; omitted for an image folder (its sorted class folders)
   * @param testImages       test images of the same channels and size (an image folder: with the same classes)
   * @param testLabels       their labels, as {@code labels}
   * @param selectionEncoder the encoder every method selects with: {@code small-cnn} (default) or {@code mlp}
   * @param encoderEpochs    epochs of every encoder's training (default 3)
   * @param trainedModel     trained from scratch on every coreset: {@code mlp} (default) or {@code small-cnn}
   * @param transferEncoder  a second encoder for the transfer experiment (default: none); the transfer then trains
   *                         {@code trainedModel}
   * @param rates            pruning rates in (0, 1) (default 0.3, 0.5, 0.7, 0.8, 0.9)
   * @param seeds            distinct seeds, each selects and trains (default 1, 2, 3)
   * @param iterations       optimizer steps of every coreset training (default 500)
   * @param equalEpochs      also train every coreset for the epochs {@code iterations} give the full training set
   *                         (the design note's second protocol; default false)
   * @param noiseLevels      σ as multiples of the median nearest-neighbour distance (default 0.05, 0.1, 0.2)
   * @param methods          method ids (default: every one of {@link EvaluatedMethod})
   */
  public record Params(@NotBlank String images, String labels, @NotBlank String testImages,
      String testLabels, @Pattern(regexp = "small-cnn|mlp") String selectionEncoder,
      @Min(1) @Max(100) Integer encoderEpochs, @Pattern(regexp = "small-cnn|mlp") String trainedModel,
      @Pattern(regexp = "small-cnn|mlp") String transferEncoder, List<Double> rates, List<Long> seeds,
      @Min(1) @Max(1_000_000) Long iterations, Boolean equalEpochs, List<Double> noiseLevels,
      List<String> methods) {

    /** The protocol these parameters give; its checks become 400s naming {@code params}. */
    EvaluationProtocol protocol(String dataset, long seed) {
      Architecture selection = selectionEncoder == null ? Architecture.SMALL_CNN : Architecture.of(selectionEncoder);
      Architecture trained = trainedModel == null ? Architecture.MLP : Architecture.of(trainedModel);
      Architecture transfer = transferEncoder == null ? null : Architecture.of(transferEncoder);
      double[] r = rates == null ? new double[] {0.3, 0.5, 0.7, 0.8, 0.9}
          : rates.stream().mapToDouble(Double::doubleValue).toArray();
      long[] s = seeds == null ? new long[] {1, 2, 3} : seeds.stream().mapToLong(Long::longValue).toArray();
      double[] noise = noiseLevels == null ? new double[] {0.05, 0.1, 0.2}
          : noiseLevels.stream().mapToDouble(Double::doubleValue).toArray();
      List<EvaluatedMethod> m = methods == null ? List.of(EvaluatedMethod.values())
          : methods.stream().map(EvaluatedMethod::of).toList();
      return new EvaluationProtocol(dataset, selection, encoderEpochs == null ? 3 : encoderEpochs, trained,
          transfer, transfer == null ? null : trained, r, s, iterations == null ? 500 : iterations,
          Boolean.TRUE.equals(equalEpochs), noise, 2000, m, seed);
    }
  }

  private final JsonMapper json;

  public EvaluateJob(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    try {
      p.protocol("check", 0);
    } catch (IllegalArgumentException e) {
      throw PruningProblems.of("invalid-params", "params", e.getMessage());
    }
  }

  @Override
  public void validate(Params p, SubmissionContext submission) {
    validate(p);
    ImageDatasets.Input train = train(p, submission.catalog(), submission.owner());
    ImageDatasets.Input test = test(p, submission.catalog(), submission.owner());
    List<Integer> trainShape = train.imageShape();
    List<Integer> testShape = test.imageShape();
    if (!trainShape.subList(1, 3).equals(testShape.subList(1, 3))) {
      throw PruningProblems.of("invalid-images", "params.testImages", "test images are " + testShape.get(1) + " x "
          + testShape.get(2) + ", training images " + trainShape.get(1) + " x " + trainShape.get(2));
    }
    if (!trainShape.get(0).equals(testShape.get(0))) {
      throw PruningProblems.of("invalid-images", "params.testImages", "test images have " + testShape.get(0)
          + " channel(s), training images " + trainShape.get(0));
    }
    if (train.folder() && test.folder() && !train.classNames().equals(test.classNames())) {
      // the codes are the sorted folder names: other folders would give the same codes to other classes
      throw PruningProblems.of("invalid-images", "params.testImages", "the test classes " + test.classNames()
          + " are not the training classes " + train.classNames());
    }
    EvaluationProtocol protocol = p.protocol("check", 0);
    for (Architecture a : java.util.Arrays.asList(protocol.selectionEncoder(), protocol.trainedModel(),
        protocol.transferEncoder())) {
      if (a == Architecture.SMALL_CNN) {
        ImageDatasets.requireCnnSize(train, "params.images");
      }
    }
    // every class must keep at least one sample at the highest rate
    LabelCounts counts = train.counts(submission.artifacts(), "params.labels");
    try {
      ClassBudgets.of(counts.sizes(), counts.codes(), protocol.highestRate(), SelectionParams.Budget.PROPORTIONAL);
    } catch (IllegalArgumentException e) {
      throw PruningProblems.classTooSmall("params.rates", e.getMessage());
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading images");
    ImageDatasets.Input trainInput = train(p, ctx.catalog(), ctx.owner());
    ImageDatasets.Input testInput = test(p, ctx.catalog(), ctx.owner());
    EvaluationProtocol protocol = p.protocol(trainInput.images().name(), ctx.seed());
    MlEngine ml = MlEngine.fromEnvironment();
    try (NDManager manager = ml.newManager()) {
      LabeledData train = trainInput.load(ctx.artifacts(), manager);
      ctx.checkCancelled();
      LabeledData test = testInput.load(ctx.artifacts(), manager);
      ctx.checkCancelled();
      EvaluationReport report = Evaluator.run(ml, train, test, protocol,
          (fraction, stage) -> ctx.progress(0.01 + 0.97 * fraction, stage), ctx::checkCancelled);
      ctx.progress(0.99, "writing the report");
      ctx.writeArtifact(REPORT, "application/json", json.writeValueAsBytes(report));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("highestRate", protocol.highestRate());
      result.put("accuracyAtHighestRate", atHighestRate(report.accuracy(), protocol));
      if (protocol.equalEpochs()) {
        result.put("accuracyAtHighestRateEqualEpochs", atHighestRate(report.accuracyEqualEpochs(), protocol));
      }
      if (protocol.methods().contains(EvaluatedMethod.TOPOPRUNE_LA)) {
        result.put("reach", ReachVerdict.checkAll(report, EvaluatedMethod.TOPOPRUNE_LA.id()));
      }
      result.put("report", REPORT);
      return result;
    }
  }

  /** Each method's accuracy over seeds at the highest rate, from {@code cells}. */
  private static Map<String, Object> atHighestRate(List<EvaluationReport.AccuracyCell> cells,
      EvaluationProtocol protocol) {
    Map<String, Object> accuracies = new LinkedHashMap<>();
    for (EvaluatedMethod m : protocol.methods()) {
      accuracies.put(m.id(), EvaluationReport.cell(cells, m.id(), protocol.highestRate()).accuracy());
    }
    return accuracies;
  }

  private static ImageDatasets.Input train(Params p, CatalogClient catalog, String owner) {
    return ImageDatasets.input(catalog, owner, p.images(), p.labels(), "params.images", "params.labels");
  }

  private static ImageDatasets.Input test(Params p, CatalogClient catalog, String owner) {
    return ImageDatasets.input(catalog, owner, p.testImages(), p.testLabels(), "params.testImages",
        "params.testLabels");
  }
}
