package org.trustml.fhe.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.catalog.ModelRegistration;
import org.trustml.core.dataset.IdxIntArray;
import org.trustml.core.dataset.IdxReader;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.dct.LabelledImages;
import org.trustml.fhe.model.ImageFeatures;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;
import org.trustml.fhe.training.PolyNetworkTrainer;
import org.trustml.fhe.training.TrainingSettings;
import org.trustml.ml.MlEngine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code fhe.train}: the CKKS-friendly network dense → x^2 → dense trained in plaintext on a catalog IDX image set
 * (28 x 28 grey images and their labels, two catalog datasets), on DCT features (F = 4, S = 7, kept luma channels) or
 * pixels (28 x 28 or 2 x 2 averaged to 14 x 14), standardised per channel. Registers the network as a
 * {@code trustml-poly-network} model, ready for {@code fhe.compile}, with the feature pipeline and its fitted
 * statistics in the model's metadata and in {@code features.json}: the client computes its inputs with them.
 */
@Component
public class TrainJob implements JobHandler<TrainJob.Params> {

  /** The job type. */
  public static final String TYPE = "fhe.train";
  static final int SIDE = 28;

  /**
   * @param images       catalog IDX dataset of n x 28 x 28 grey images
   * @param labels       catalog IDX dataset of n class codes 0..classes-1
   * @param features     {@code dct} (default) or {@code pixels}
   * @param lumaChannels DCT channels kept, u * 4 + v (default the six lowest frequencies)
   * @param pixelSide    28 or 14 (default 14) for pixel features
   * @param count        the first {@code count} images are used (default all)
   * @param name         the registered model's name
   */
  public record Params(@NotBlank String images, @NotBlank String labels, String features, List<Integer> lumaChannels,
      Integer pixelSide, @Min(10) Integer count, @Min(1) @Max(4096) Integer hidden, @Min(1) @Max(200) Integer epochs,
      @Min(1) @Max(4096) Integer batchSize, @DecimalMin("1e-6") @DecimalMax("1") Double learningRate, String name) {

    /** Fills the defaults. */
    public Params {
      TrainingSettings d = TrainingSettings.standard();
      features = features == null ? "dct" : features;
      lumaChannels = lumaChannels == null ? Arrays.stream(ImageFeatures.LOW_FREQUENCY_6).boxed().toList()
          : lumaChannels;
      pixelSide = pixelSide == null ? SIDE / 2 : pixelSide;
      hidden = hidden == null ? d.hidden() : hidden;
      epochs = epochs == null ? d.epochs() : epochs;
      batchSize = batchSize == null ? d.batchSize() : batchSize;
      learningRate = learningRate == null ? (double) d.learningRate() : learningRate;
      name = name == null ? "fhe-poly-network" : name;
    }
  }

  private final JsonMapper json;
  private final org.trustml.core.catalog.CatalogClient catalog;

  TrainJob(JsonMapper json, org.trustml.core.catalog.CatalogClient catalog) {
    this.json = json;
    this.catalog = catalog;
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
    String owner = submission.owner();
    pipeline(p);
    // the registry's shapes say whether the files fit, without reading them
    DatasetDescriptor images = catalog.dataset(owner, p.images());
    DatasetDescriptor labels = catalog.dataset(owner, p.labels());
    checkFormat(images, "params.images");
    checkFormat(labels, "params.labels");
    List<Integer> shape = images.shape();
    if (shape != null && !shape.isEmpty()) {
      if (shape.size() != 3 || shape.get(1) != SIDE || shape.get(2) != SIDE) {
        throw ProblemException.badRequest("invalid-dataset", "params.images must be n x 28 x 28 grey images, "
            + images.id() + " has shape " + shape).with("field", "params.images");
      }
      if (labels.shape() != null && !labels.shape().equals(List.of(shape.get(0)))) {
        throw ProblemException.badRequest("invalid-dataset", "params.labels must hold one label per image ("
            + shape.get(0) + "), " + labels.id() + " has shape " + labels.shape()).with("field", "params.labels");
      }
      if (p.count() != null && p.count() > shape.get(0)) {
        throw ProblemException.badRequest("invalid-params", "params.count " + p.count() + " exceeds the "
            + shape.get(0) + " images of " + images.id()).with("field", "params.count");
      }
    }
  }

  private static void checkFormat(DatasetDescriptor d, String field) {
    if (!"idx".equals(d.format())) {
      throw ProblemException.badRequest("invalid-dataset", field + ": dataset " + d.id() + " is " + d.format()
          + ", not idx").with("field", field);
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0.01, "reading " + p.images() + " and " + p.labels());
    DatasetDescriptor imagesSet = ctx.catalog().dataset(ctx.owner(), p.images());
    DatasetDescriptor labelsSet = ctx.catalog().dataset(ctx.owner(), p.labels());
    LabelledImages all = load(ctx, imagesSet, labelsSet);
    int count = p.count() == null ? all.count() : p.count();
    if (count > all.count()) {
      throw ProblemException.badRequest("invalid-params", "params.count " + count + " exceeds the "
          + all.count() + " images of " + p.images()).with("field", "params.count");
    }
    int classes = Arrays.stream(all.labels(), 0, count).max().orElse(0) + 1;
    ctx.progress(0.05, "features of " + count + " images");
    ImageFeatures pipeline = pipeline(p).fit(all, count);
    double[][] x = pipeline.transform(all, 0, count);
    int[] y = Arrays.copyOf(all.labels(), count);
    ctx.checkCancelled();
    TrainingSettings settings = new TrainingSettings(p.hidden(), p.epochs(), p.batchSize(),
        p.learningRate().floatValue(), ctx.seed());
    PolyNetworkTrainer.Trained trained = PolyNetworkTrainer.train(MlEngine.fromEnvironment(), x, y, classes,
        settings, pipeline.description(), (f, stage) -> ctx.progress(0.1 + 0.8 * f, stage), ctx::checkCancelled);
    PolyNetwork network = trained.network();
    int correct = 0;
    for (int i = 0; i < count; i++) {
      correct += PolyNetwork.argmax(network.forward(x[i])) == y[i] ? 1 : 0;
    }
    double accuracy = correct / (double) count;
    ctx.progress(0.95, "registering " + p.name());
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("description", pipeline.description());
    features.put("means", pipeline.normaliser().means());
    features.put("stds", pipeline.normaliser().stds());
    ArtifactRef model = ctx.writeArtifact("model.json", "application/json",
        PolyNetworkFormat.toJson(network).getBytes(StandardCharsets.UTF_8));
    ctx.writeArtifact("features.json", "application/json", json.writeValueAsBytes(features));
    ObjectNode metadata = json.createObjectNode();
    metadata.set("features", json.valueToTree(features));
    metadata.put("inputSize", network.inputSize());
    metadata.put("classes", classes);
    metadata.put("depth", network.layers().size() - 1);
    metadata.put("trainAccuracy", accuracy);
    metadata.set("training", json.valueToTree(trained.training().toMap()));
    ModelDescriptor registered = ctx.catalog().registerModel(new ModelRegistration(ctx.owner(), p.name(),
        NetworkSource.FRAMEWORK, model, metadata,
        new Lineage(List.of(p.images(), p.labels()), "fhe", ctx.jobId().toString())));
    ctx.log(String.format(java.util.Locale.ROOT, "trained %s on %d images: %d inputs, %d classes, train accuracy %.4f",
        pipeline.description(), count, network.inputSize(), classes, accuracy));
    return Map.of("model", registered.id(), "features", pipeline.description(), "inputSize", network.inputSize(),
        "classes", classes, "images", count, "trainAccuracy", accuracy, "finalLoss",
        trained.training().finalLoss(), "seconds", trained.training().seconds());
  }

  private static ImageFeatures pipeline(Params p) {
    switch (p.features()) {
      case "dct" -> {
        int[] channels = p.lumaChannels().stream().mapToInt(Integer::intValue).toArray();
        if (channels.length == 0 || Arrays.stream(channels).distinct().count() != channels.length
            || Arrays.stream(channels).anyMatch(c -> c < 0 || c > 15)) {
          throw ProblemException.badRequest("invalid-params", "params.lumaChannels must be distinct channels "
              + "u * 4 + v in 0..15 of the 4 x 4 DCT, was " + p.lumaChannels()).with("field", "params.lumaChannels");
        }
        return ImageFeatures.dct(channels);
      }
      case "pixels" -> {
        if (p.pixelSide() != SIDE && p.pixelSide() != SIDE / 2) {
          throw ProblemException.badRequest("invalid-params", "params.pixelSide must be 28 or 14, was "
              + p.pixelSide()).with("field", "params.pixelSide");
        }
        return ImageFeatures.pixels(p.pixelSide());
      }
      default -> throw ProblemException.badRequest("invalid-params", "params.features must be dct or pixels, was '"
          + p.features() + "'").with("field", "params.features");
    }
  }

  private static LabelledImages load(JobContext ctx, DatasetDescriptor images, DatasetDescriptor labels)
      throws IOException {
    IdxIntArray pixels = idx(ctx, images, "params.images");
    IdxIntArray codes = idx(ctx, labels, "params.labels");
    int[] shape = pixels.shape();
    if (shape.length != 3 || shape[1] != SIDE || shape[2] != SIDE) {
      throw ProblemException.badRequest("invalid-dataset", "params.images must be n x 28 x 28 grey images, "
          + images.id() + " has shape " + Arrays.toString(shape)).with("field", "params.images");
    }
    if (codes.shape().length != 1 || codes.shape()[0] != shape[0]) {
      throw ProblemException.badRequest("invalid-dataset", "params.labels must hold one label per image ("
          + shape[0] + "), " + labels.id() + " has shape " + Arrays.toString(codes.shape()))
          .with("field", "params.labels");
    }
    if (Arrays.stream(codes.data()).anyMatch(c -> c < 0 || c > 255)) {
      throw ProblemException.badRequest("invalid-dataset", "params.labels must be class codes 0..255")
          .with("field", "params.labels");
    }
    return new LabelledImages(shape[0], SIDE, SIDE, pixels.data(), codes.data());
  }

  private static IdxIntArray idx(JobContext ctx, DatasetDescriptor d, String field) throws IOException {
    checkFormat(d, field);
    try (InputStream in = ctx.artifacts().open(d.artifact().sha256())) {
      return IdxReader.readInts(in);
    }
  }
}
