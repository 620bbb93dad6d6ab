package org.trustml.fhe.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON form of a {@link PolyNetwork}, read by the encrypted evaluator without DJL:
 * <pre>{@code
 * {"format":"trustml-poly-network","version":1,"input-size":294,"features":"dct:...",
 *  "layers":[{"type":"dense","weights":[[...],...],"bias":[...]},{"type":"square"},{"type":"dense",...}]}
 * }</pre>
 * Weights are written as the shortest decimal that reads back to the same double, so a round trip is exact.
 */
public final class PolyNetworkFormat {

  /** The {@code format} field. */
  public static final String FORMAT = "trustml-poly-network";
  /** The version this class writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PolyNetworkFormat() {}

  /** The JSON text of {@code network}. */
  public static String toJson(PolyNetwork network) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("input-size", network.inputSize());
    root.put("features", network.features());
    ArrayNode layers = root.putArray("layers");
    for (Layer layer : network.layers()) {
      ObjectNode node = layers.addObject();
      if (layer instanceof DenseLayer dense) {
        node.put("type", "dense");
        ArrayNode rows = node.putArray("weights");
        for (double[] row : dense.weights()) {
          ArrayNode r = rows.addArray();
          for (double w : row) {
            r.add(w);
          }
        }
        ArrayNode bias = node.putArray("bias");
        for (double b : dense.bias()) {
          bias.add(b);
        }
      } else {
        node.put("type", "square");
      }
    }
    return JSON.writeValueAsString(root);
  }

  /**
   * Reads what {@link #toJson} writes.
   *
   * @throws IllegalArgumentException if the format, version or a field is wrong, with the reason
   */
  public static PolyNetwork fromJson(String json) {
    JsonNode root = JSON.readTree(json);
    if (!FORMAT.equals(text(root, "format"))) {
      throw new IllegalArgumentException("not a " + FORMAT + " document");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw new IllegalArgumentException("unsupported " + FORMAT + " version " + version + "; this reader reads "
          + VERSION);
    }
    JsonNode inputSize = root.get("input-size");
    JsonNode layers = root.get("layers");
    if (inputSize == null || !inputSize.isInt() || layers == null || !layers.isArray()) {
      throw new IllegalArgumentException(FORMAT + " needs an integer input-size and a layers array");
    }
    List<Layer> parsed = new ArrayList<>();
    for (JsonNode node : layers) {
      String type = text(node, "type");
      if ("square".equals(type)) {
        parsed.add(new SquareLayer());
      } else if ("dense".equals(type)) {
        parsed.add(dense(node));
      } else {
        throw new IllegalArgumentException("unknown layer type " + type + "; expected dense or square");
      }
    }
    String features = root.has("features") ? text(root, "features") : "";
    return new PolyNetwork(inputSize.intValue(), parsed, features);
  }

  /** Writes {@code network} to {@code file}. */
  public static void write(PolyNetwork network, Path file) throws IOException {
    Files.writeString(file, toJson(network));
  }

  /** Reads a network from {@code file}. */
  public static PolyNetwork read(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }

  private static DenseLayer dense(JsonNode node) {
    JsonNode weights = node.get("weights");
    JsonNode bias = node.get("bias");
    if (weights == null || !weights.isArray() || bias == null || !bias.isArray()) {
      throw new IllegalArgumentException("dense layer needs weights and bias arrays");
    }
    double[][] w = new double[weights.size()][];
    for (int o = 0; o < w.length; o++) {
      w[o] = numbers(weights.get(o));
    }
    return new DenseLayer(w, numbers(bias));
  }

  private static double[] numbers(JsonNode array) {
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("expected an array of numbers, got " + array);
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = array.get(i);
      if (!v.isNumber()) {
        throw new IllegalArgumentException("expected a number, got " + v);
      }
      out[i] = v.doubleValue();
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isString() ? null : v.stringValue();
  }
}
