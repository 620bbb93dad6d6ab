package org.trustml.ml;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a model is, apart from its weights: an architecture name, its integer hyper-parameters and the shape of one
 * input example. Saved next to the parameters so that a loader can rebuild the same block and check that it is the
 * one it expects; its JSON form is canonical (keys sorted), so equal specs have equal text.
 *
 * @param architecture e.g. {@code mlp} or {@code small-cnn}; a service may use its own names with its own factory
 * @param config hyper-parameters by kebab-case name, e.g. {@code hidden}
 * @param inputShape one example's shape, without the batch axis, e.g. {@code [784]} or {@code [1, 28, 28]}
 */
public record ModelSpec(String architecture, Map<String, Integer> config, List<Long> inputShape) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Copies and sorts the config, copies the shape. */
  public ModelSpec {
    if (architecture == null || architecture.isBlank()) {
      throw new IllegalArgumentException("architecture must not be blank");
    }
    config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    inputShape = List.copyOf(inputShape);
    for (long d : inputShape) {
      if (d <= 0) {
        throw new IllegalArgumentException("input dimensions must be positive, were " + inputShape);
      }
    }
  }

  /** A two-layer perceptron: {@code in} features, one ReLU hidden layer, {@code out} outputs (logits). */
  public static ModelSpec mlp(int in, int hidden, int out) {
    return new ModelSpec("mlp", Map.of("in", in, "hidden", hidden, "out", out), List.of((long) in));
  }

  /** A small convolutional network over {@code channels} x {@code height} x {@code width} images. */
  public static ModelSpec smallCnn(int channels, int height, int width, int classes) {
    return new ModelSpec(
        "small-cnn",
        Map.of("channels", channels, "height", height, "width", width, "classes", classes),
        List.of((long) channels, (long) height, (long) width));
  }

  /** The shape of a batch of {@code batch} examples, for initialising a block. */
  public Shape batchShape(long batch) {
    long[] dims = new long[inputShape.size() + 1];
    dims[0] = batch;
    for (int i = 0; i < inputShape.size(); i++) {
      dims[i + 1] = inputShape.get(i);
    }
    return new Shape(dims);
  }

  /** A new, uninitialised block of a built-in architecture; see {@link Models#build}. */
  public Block newBlock() {
    return Models.build(this);
  }

  /** An integer hyper-parameter. */
  public int get(String name) {
    Integer value = config.get(name);
    if (value == null) {
      throw new IllegalArgumentException(architecture + " has no '" + name + "' in " + config);
    }
    return value;
  }

  /** The canonical JSON form: {@code {"architecture":…,"config":{…sorted…},"input-shape":[…]}}. */
  public String toJson() {
    return JSON.writeValueAsString(toJsonNode());
  }

  ObjectNode toJsonNode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("architecture", architecture);
    ObjectNode c = node.putObject("config");
    config.forEach(c::put);
    var shape = node.putArray("input-shape");
    inputShape.forEach(shape::add);
    return node;
  }

  /**
   * Reads the form {@link #toJson()} writes.
   *
   * @throws IllegalArgumentException if a field is missing or of the wrong kind
   */
  public static ModelSpec fromJson(String json) {
    return fromJsonNode(JSON.readTree(json));
  }

  static ModelSpec fromJsonNode(JsonNode node) {
    JsonNode architecture = node.get("architecture");
    JsonNode config = node.get("config");
    JsonNode shape = node.get("input-shape");
    if (architecture == null || !architecture.isString() || config == null || !config.isObject()
        || shape == null || !shape.isArray()) {
      throw new IllegalArgumentException("not a model spec: " + node);
    }
    Map<String, Integer> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : config.properties()) {
      if (!e.getValue().isInt()) {
        throw new IllegalArgumentException("config '" + e.getKey() + "' is not an integer: " + node);
      }
      values.put(e.getKey(), e.getValue().intValue());
    }
    List<Long> dims = new java.util.ArrayList<>();
    for (JsonNode d : shape) {
      dims.add(d.longValue());
    }
    return new ModelSpec(architecture.stringValue(), values, dims);
  }
}
