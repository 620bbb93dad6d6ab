package org.trustml.ml;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.artifact.ContentKeys;
import org.trustml.core.json.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saves trained models to the {@link ArtifactStore} and loads them back. The parameters are DJL's own serialisation
 * of the block ({@code Block.saveParameters}), streamed to bytes; beside them goes a manifest naming the
 * architecture ({@link ModelSpec}), the engine that trained it and the parameters' digest. Loading builds a fresh
 * block from the spec, refuses a spec other than the one the caller expects, and checks the parameters' digest.
 *
 * <pre>{@code
 * SavedModel saved = ModelStore.save(ctx.artifacts(), model, spec, ml.info(), "classifier");
 * try (Model again = ModelStore.load(ctx.artifacts(), saved.manifest().sha256(), spec, ml)) { ... }
 * }</pre>
 */
public final class ModelStore {

  /** Media type of the parameter bytes. */
  public static final String PARAMETERS_MEDIA_TYPE = "application/x-djl-parameters";

  /** Media type of the manifest. */
  public static final String MANIFEST_MEDIA_TYPE = "application/json";

  /** The manifest's {@code format}; bumped if its layout ever changes. */
  public static final String FORMAT = "trustml-djl-parameters/1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ModelStore() {}

  /**
   * Stores the model's parameters and a manifest.
   *
   * @param model initialised (trained or loaded); not modified
   * @param spec the architecture {@code model}'s block was built from
   * @param engine the engine that trained it, recorded for provenance
   * @param name the human name of the artifacts ({@code <name>.params}, {@code <name>.model.json})
   */
  public static SavedModel save(ArtifactStore store, Model model, ModelSpec spec, EngineInfo engine, String name)
      throws IOException {
    Objects.requireNonNull(spec, "spec");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      model.getBlock().saveParameters(out);
    }
    ArtifactRef parameters = store.putBytes(bytes.toByteArray(), PARAMETERS_MEDIA_TYPE, name + ".params");
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.set("spec", spec.toJsonNode());
    ObjectNode p = manifest.putObject("parameters");
    p.put("sha256", parameters.sha256());
    p.put("size-bytes", parameters.sizeBytes());
    p.put("media-type", PARAMETERS_MEDIA_TYPE);
    ObjectNode e = manifest.putObject("engine");
    engine.toMap().forEach((k, v) -> e.put(k, String.valueOf(v)));
    String text = CanonicalJson.write(JSON, manifest);
    ArtifactRef ref = store.putBytes(text.getBytes(StandardCharsets.UTF_8), MANIFEST_MEDIA_TYPE, name + ".model.json");
    return new SavedModel(ref, parameters, spec);
  }

  /**
   * Reads the spec a stored manifest records, e.g. to choose a factory before {@link #load}.
   *
   * @throws MalformedModelException if the content is not a manifest of this format
   */
  public static ModelSpec readSpec(ArtifactStore store, String manifestSha256) throws MalformedModelException {
    return ModelSpec.fromJsonNode(manifest(store, manifestSha256).get("spec"));
  }

  /** {@link #load(ArtifactStore, String, ModelSpec, MlEngine, Function)} for the built-in architectures. */
  public static Model load(ArtifactStore store, String manifestSha256, ModelSpec expected, MlEngine ml)
      throws MalformedModelException {
    return load(store, manifestSha256, expected, ml, Models::build);
  }

  /**
   * Builds a fresh block for the stored spec and loads the stored parameters into it.
   *
   * @param expected the architecture the caller means to use; null to accept whatever is stored
   * @param factory builds an uninitialised block of the stored spec
   * @return a new model on {@code ml}'s device; the caller closes it
   * @throws IllegalArgumentException if the stored spec is not {@code expected} (both are in the message)
   * @throws MalformedModelException if the manifest or the parameters are damaged or do not fit the block
   */
  public static Model load(
      ArtifactStore store, String manifestSha256, ModelSpec expected, MlEngine ml, Function<ModelSpec, Block> factory)
      throws MalformedModelException {
    JsonNode manifest = manifest(store, manifestSha256);
    ModelSpec spec = ModelSpec.fromJsonNode(manifest.get("spec"));
    if (expected != null && !expected.equals(spec)) {
      throw new IllegalArgumentException(
          "model " + manifestSha256 + " is " + spec.toJson() + ", not the expected " + expected.toJson());
    }
    JsonNode params = manifest.get("parameters");
    String digest = params == null || params.get("sha256") == null ? null : params.get("sha256").asString();
    if (digest == null || !ContentKeys.isSha256(digest)) {
      throw new MalformedModelException("manifest " + manifestSha256 + " names no parameters digest");
    }
    byte[] bytes = store.readAllBytes(digest);
    if (!sha256(bytes).equals(digest)) {
      // the store is content-addressed, but a damaged file must not load as a model that predicts nonsense
      throw new MalformedModelException("parameters " + digest + " do not match their digest");
    }
    Model model = ml.newModel(spec.architecture(), factory.apply(spec));
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Map<String, Shape> shapes = parameterShapes(model, spec);
      model.getBlock().loadParameters(model.getNDManager(), in);
      if (in.read() != -1) {
        throw new MalformedModelException("parameters " + digest + " hold more than the block's parameters");
      }
      for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
        Shape loadedShape = p.getValue().getArray().getShape();
        if (!loadedShape.equals(shapes.get(p.getKey()))) {
          throw new MalformedModelException(
              "parameter " + p.getKey() + " is stored as " + loadedShape + " but " + spec.toJson() + " has "
                  + shapes.get(p.getKey()));
        }
      }
      return model;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      if (e instanceof MalformedModelException m) {
        throw m;
      }
      throw new MalformedModelException("parameters " + digest + " do not fit " + spec.toJson() + ": " + e, e);
    }
  }

  /**
   * The shape each parameter of the spec's block has. DJL's loader takes whatever shapes the bytes declare, so a
   * block built with other sizes would load without complaint and then compute something else; initialising the
   * block once (with zeros, which draws nothing from the engine's shared generator) tells the shapes to expect.
   */
  private static Map<String, Shape> parameterShapes(Model model, ModelSpec spec) {
    Block block = model.getBlock();
    Map<String, Shape> shapes = new HashMap<>();
    try (NDManager scratch = model.getNDManager().newSubManager()) {
      block.setInitializer(Initializer.ZEROS, parameter -> true);
      block.initialize(scratch, DataType.FLOAT32, spec.batchShape(1));
      for (Pair<String, Parameter> p : block.getParameters()) {
        shapes.put(p.getKey(), p.getValue().getArray().getShape());
      }
    }
    return shapes;
  }

  private static JsonNode manifest(ArtifactStore store, String sha256) throws MalformedModelException {
    JsonNode node;
    try {
      node = JSON.readTree(store.readAllBytes(sha256));
    } catch (tools.jackson.core.JacksonException e) {
      throw new MalformedModelException("artifact " + sha256 + " is not JSON", e);
    }
    if (node == null || !FORMAT.equals(node.path("format").asString(null)) || node.get("spec") == null) {
      throw new MalformedModelException("artifact " + sha256 + " is not a " + FORMAT + " manifest");
    }
    return node;
  }

  private static String sha256(byte[] bytes) {
    try {
      return ContentKeys.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
