package org.trustml.pruning.job;

import ai.djl.ndarray.NDManager;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.OptimizerSpec;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.encoder.EncoderSpec;
import org.trustml.pruning.encoder.EncoderTraining;
import org.trustml.pruning.encoder.TrainedEncoder;
import org.trustml.pruning.encoder.TrainingDynamics;

/**
 * Trains an encoder (the {@code encoder} package's small CNN or MLP) on catalog images, an IDX image dataset with its
 * IDX labels or an image-folder ZIP labelled by its class folders (see {@link ImageDatasets}), then registers its
 * penultimate-layer embeddings as an NPY dataset ({@code <name>}, float32 n x d) with an NPY labels dataset
 * ({@code <name>-labels}, int64 class codes), lineage to the images and the job: the input of {@code pruning.score} and
 * {@code pruning.select}. The training dynamics it recorded become score tables a select job can use like a score
 * job's: {@value #AUM}, {@value #EL2N} and {@value #FORGETTING} (same columns as {@value ScoreTable#NAME}).
 */
@Component
public class EmbedJob implements JobHandler<EmbedJob.Params> {

  /** The job type. */
  public static final String TYPE = "pruning.embed";
  /** Area under the margin per sample (low = hard). */
  public static final String AUM = "aum.csv";
  /** EL2N per sample (high = hard). */
  public static final String EL2N = "el2n.csv";
  /** Forgetting events per sample (high = hard). */
  public static final String FORGETTING = "forgetting.csv";

  /**
   * @param images        an IDX dataset of n x H x W uint8 images, or an image folder (n x C x H x W, C = 1 or 3); H
   *                      and W divisible by 4 for the CNN
   * @param labels        for IDX images, an IDX dataset of n integer labels 0 … classes − 1; omitted for an image
   *                      folder, whose codes are its sorted class folders
   * @param architecture  {@code small-cnn} (default) or {@code mlp}
   * @param embeddingDim  units of the embedding layer (default 64)
   * @param epochs        training passes (default 3)
   * @param batchSize     examples per step (default 128)
   * @param learningRate  Adam's step (default 1e-3)
   * @param name          the embeddings dataset's name (default {@code <images>-<architecture>-embeddings})
   */
  public record Params(@NotBlank String images, String labels,
      @Pattern(regexp = "small-cnn|mlp") String architecture, @Min(1) @Max(4096) Integer embeddingDim,
      @Min(1) @Max(200) Integer epochs, @Min(1) @Max(65536) Integer batchSize,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate, String name) {

    Architecture architectureOrDefault() {
      return architecture == null ? Architecture.SMALL_CNN : Architecture.of(architecture);
    }

    EncoderSpec spec(int classes, long seed) {
      EncoderSpec d = EncoderSpec.defaults(architectureOrDefault(), classes, seed);
      EncoderSpec s = new EncoderSpec(d.architecture(), embeddingDim == null ? d.embeddingDim() : embeddingDim,
          classes, learningRate == null ? d.optimizer() : OptimizerSpec.adam(learningRate.floatValue()),
          batchSize == null ? d.batchSize() : batchSize, d.epochs(), d.el2nEpochs(), seed);
      return epochs == null ? s : s.withEpochs(epochs);
    }

    String nameOrDefault() {
      return name != null && !name.isBlank() ? name : images + "-" + architectureOrDefault().id() + "-embeddings";
    }
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
  public void validate(Params p, SubmissionContext submission) {
    ImageDatasets.Input input = input(p, submission.catalog(), submission.owner());
    if (p.architectureOrDefault() == Architecture.SMALL_CNN) {
      ImageDatasets.requireCnnSize(input, "params.images");
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading images");
    ImageDatasets.Input input = input(p, ctx.catalog(), ctx.owner());
    MlEngine ml = MlEngine.fromEnvironment();
    try (NDManager manager = ml.newManager()) {
      // N x C x H x W in [0, 1] for both architectures (the MLP flattens, the CNN takes C from its input)
      LabeledData data = input.load(ctx.artifacts(), manager);
      int[] labels = data.labels().toIntArray();
      int classes = LabelCounts.of(labels, input.folder() ? "params.images" : "params.labels").classes();
      EncoderSpec spec = p.spec(classes, ctx.seed());
      ctx.checkCancelled();
      long started = System.nanoTime();
      try (TrainedEncoder encoder = EncoderTraining.train(ml, data, spec,
          (f, stage) -> ctx.progress(0.02 + 0.88 * f, "training " + spec.architecture().id() + ": " + stage),
          ctx::checkCancelled)) {
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        ctx.progress(0.9, String.format("embedding %,d images", labels.length));
        float[][] embeddings = encoder.embed(data.features());
        double accuracy = encoder.accuracy(data);
        ctx.checkCancelled();
        ctx.progress(0.95, "writing embeddings and training dynamics");
        TrainingDynamics dynamics = encoder.dynamics();
        List<String> labelValues = java.util.Arrays.stream(labels).mapToObj(Integer::toString).toList();
        ctx.writeArtifact(AUM, "text/csv", new ScoreTable(labelValues, dynamics.aum()).toCsv());
        ctx.writeArtifact(EL2N, "text/csv", new ScoreTable(labelValues, dynamics.el2n()).toCsv());
        ctx.writeArtifact(FORGETTING, "text/csv", new ScoreTable(labelValues, dynamics.forgetting()).toCsv());
        String name = p.nameOrDefault();
        Lineage lineage = new Lineage(input.parents(), "pruning", ctx.jobId().toString());
        String embeddingsId = register(ctx, name, NpyWriter.float32(embeddings), lineage);
        String labelsId = register(ctx, name + "-labels", NpyWriter.int64(labels), lineage);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dataset", embeddingsId);
        result.put("labelsDataset", labelsId);
        result.put("samples", labels.length);
        result.put("dimension", spec.embeddingDim());
        result.put("classes", classes);
        if (input.folder()) {
          result.put("classNames", input.classNames());
        }
        result.put("architecture", spec.architecture().id());
        result.put("epochs", spec.epochs());
        result.put("trainAccuracy", accuracy);
        result.put("trainSeconds", trainSeconds);
        result.put("scores", List.of(AUM, EL2N, FORGETTING));
        return result;
      }
    }
  }

  private static ImageDatasets.Input input(Params p, CatalogClient catalog, String owner) {
    return ImageDatasets.input(catalog, owner, p.images(), p.labels(), "params.images", "params.labels");
  }

  private static String register(JobContext ctx, String name, byte[] npy, Lineage lineage) {
    ctx.checkCancelled();
    ArtifactRef ref = ctx.writeArtifact(name + ".npy", "application/x-npy", npy);
    return ctx.catalog().registerDataset(new DatasetRegistration(ctx.owner(), name, ref, "npy", null, List.of(),
        lineage)).id();
  }
}
