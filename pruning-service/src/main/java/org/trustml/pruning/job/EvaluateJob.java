package org.trustml.pruning.job;

import ai.djl.ndarray.NDManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.IdxIntArray;
import org.trustml.core.dataset.IdxReader;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.ml.ArrayLoaders;
import org.trustml.ml.ArrayOptions;
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
 * on an IDX training set, lets every method choose a coreset at every rate and seed, trains a fresh model on each for
 * a fixed number of steps and tests it on an IDX test set; then the overlap across seeds, the embedding-noise sweep
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
   * @param images           training images, IDX n x H x W (H, W divisible by 4 for the small CNN)
   * @param labels           their IDX labels 0 … C − 1
   * @param testImages       test images of the same size
   * @param testLabels       their labels
   * @param selectionEncoder the encoder every method selects with: {@code small-cnn} (default) or {@code mlp}
   * @param encoderEpochs    epochs of every encoder's training (default 3)
   * @param trainedModel     trained from scratch on every coreset: {@code mlp} (default) or {@code small-cnn}
   * @param transferEncoder  a second encoder for the transfer experiment (default: none); the transfer then trains
   *                         {@code trainedModel}
   * @param rates            pruning rates in (0, 1) (default 0.3, 0.5, 0.7, 0.8, 0.9)
   * @param seeds            distinct seeds, each selects and trains (default 1, 2, 3)
   * @param iterations       optimizer steps of every coreset training (default 500)
   * @param noiseLevels      σ as multiples of the median nearest-neighbour distance (default 0.05, 0.1, 0.2)
   * @param methods          method ids (default: every one of {@link EvaluatedMethod})
   */
  public record Params(@NotBlank String images, @NotBlank String labels, @NotBlank String testImages,
      @NotBlank String testLabels, @Pattern(regexp = "small-cnn|mlp") String selectionEncoder,
      @Min(1) @Max(100) Integer encoderEpochs, @Pattern(regexp = "small-cnn|mlp") String trainedModel,
      @Pattern(regexp = "small-cnn|mlp") String transferEncoder, List<Double> rates, List<Long> seeds,
      @Min(1) @Max(1_000_000) Long iterations, List<Double> noiseLevels, List<String> methods) {

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
          transfer, transfer == null ? null : trained, r, s, iterations == null ? 500 : iterations, noise, 2000, m,
          seed);
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
    CatalogClient catalog = submission.catalog();
    DatasetDescriptor train = ImageDatasets.images(catalog, submission.owner(), p.images(), "params.images");
    DatasetDescriptor test = ImageDatasets.images(catalog, submission.owner(), p.testImages(), "params.testImages");
    DatasetDescriptor trainLabels = ImageDatasets.labels(catalog, submission.owner(), p.labels(), train,
        "params.labels");
    ImageDatasets.labels(catalog, submission.owner(), p.testLabels(), test, "params.testLabels");
    if (!train.shape().subList(1, 3).equals(test.shape().subList(1, 3))) {
      throw PruningProblems.of("invalid-images", "params.testImages", "test images are " + test.shape().get(1) + " x "
          + test.shape().get(2) + ", training images " + train.shape().get(1) + " x " + train.shape().get(2));
    }
    EvaluationProtocol protocol = p.protocol("check", 0);
    for (Architecture a : java.util.Arrays.asList(protocol.selectionEncoder(), protocol.trainedModel(),
        protocol.transferEncoder())) {
      if (a == Architecture.SMALL_CNN) {
        ImageDatasets.requireCnnSize(train, "params.images");
      }
    }
    // the labels are small (a byte per image): every class must keep at least one sample at the highest rate
    int[] labels;
    try (InputStream in = submission.artifacts().open(trainLabels.artifact().sha256())) {
      IdxIntArray read = IdxReader.readInts(in);
      labels = read.data();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LabelCounts counts = LabelCounts.of(labels, "params.labels");
    try {
      ClassBudgets.of(counts.sizes(), counts.codes(), protocol.highestRate(), SelectionParams.Budget.PROPORTIONAL);
    } catch (IllegalArgumentException e) {
      throw PruningProblems.classTooSmall("params.rates", e.getMessage());
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading images");
    CatalogClient catalog = ctx.catalog();
    DatasetDescriptor images = catalog.dataset(ctx.owner(), p.images());
    DatasetDescriptor labels = catalog.dataset(ctx.owner(), p.labels());
    DatasetDescriptor testImages = catalog.dataset(ctx.owner(), p.testImages());
    DatasetDescriptor testLabels = catalog.dataset(ctx.owner(), p.testLabels());
    EvaluationProtocol protocol = p.protocol(images.name(), ctx.seed());
    MlEngine ml = MlEngine.fromEnvironment();
    try (NDManager manager = ml.newManager()) {
      LabeledData train = ArrayLoaders.idx(() -> open(ctx, images), () -> open(ctx, labels), manager,
          ArrayOptions.images());
      LabeledData test = ArrayLoaders.idx(() -> open(ctx, testImages), () -> open(ctx, testLabels), manager,
          ArrayOptions.images());
      ctx.checkCancelled();
      EvaluationReport report = Evaluator.run(ml, train, test, protocol,
          (fraction, stage) -> ctx.progress(0.01 + 0.97 * fraction, stage), ctx::checkCancelled);
      ctx.progress(0.99, "writing the report");
      ctx.writeArtifact(REPORT, "application/json", json.writeValueAsBytes(report));
      Map<String, Object> atHighest = new LinkedHashMap<>();
      for (EvaluatedMethod m : protocol.methods()) {
        EvaluationReport.AccuracyCell cell = report.cell(m.id(), protocol.highestRate());
        atHighest.put(m.id(), cell.accuracy());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("highestRate", protocol.highestRate());
      result.put("accuracyAtHighestRate", atHighest);
      if (protocol.methods().contains(EvaluatedMethod.TOPOPRUNE_LA)) {
        result.put("reach", ReachVerdict.check(report, EvaluatedMethod.TOPOPRUNE_LA.id()));
      }
      result.put("report", REPORT);
      return result;
    }
  }

  private static InputStream open(JobContext ctx, DatasetDescriptor d) throws IOException {
    return ctx.artifacts().open(d.artifact().sha256());
  }
}
