package org.trustml.ml;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link TabularEncoding}, stored beside a model so that the rows it is asked about later are
 * encoded exactly as its training rows were. Written by hand rather than by data binding: the feature encodings are
 * a sealed family of classes whose fitted state is not all exposed as properties.
 */
public final class TabularEncodingJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TabularEncodingJson() {}

  public static ObjectNode toJson(TabularEncoding encoding) {
    ObjectNode node = JSON.createObjectNode();
    node.put("label", encoding.label());
    if (encoding.labelClasses() != null) {
      node.set("labelClasses", codes(encoding.labelClasses()));
    }
    node.put("missing", encoding.missing().name());
    ArrayNode features = node.putArray("features");
    for (FeatureEncoding f : encoding.features()) {
      ObjectNode n = features.addObject();
      n.put("column", f.column());
      if (f instanceof NumericFeature num) {
        n.put("kind", "numeric");
        n.put("center", num.center());
        n.put("scale", num.scale());
        n.put("mean", num.mean());
      } else if (f instanceof OneHotFeature oneHot) {
        n.put("kind", "one-hot");
        oneHot.categories().forEach(n.putArray("categories")::add);
        n.put("mode", oneHot.fill());
      } else if (f instanceof BooleanFeature bool) {
        n.put("kind", "boolean");
        n.put("mode", bool.mode());
      }
    }
    ArrayNode protectedAttributes = node.putArray("protectedAttributes");
    encoding.protectedAttributes().forEach(c -> protectedAttributes.add(codes(c)));
    return node;
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException if the node is not such a form
   */
  public static TabularEncoding fromJson(JsonNode node) {
    try {
      List<FeatureEncoding> features = new ArrayList<>();
      for (JsonNode n : required(node, "features")) {
        String column = required(n, "column").stringValue();
        String kind = required(n, "kind").stringValue();
        features.add(switch (kind) {
          case "numeric" -> new NumericFeature(column, required(n, "center").doubleValue(),
              required(n, "scale").doubleValue(), required(n, "mean").doubleValue());
          case "one-hot" -> new OneHotFeature(column, strings(required(n, "categories")),
              required(n, "mode").stringValue());
          case "boolean" -> new BooleanFeature(column, required(n, "mode").booleanValue());
          default -> throw new IllegalArgumentException("unknown feature kind '" + kind + "'");
        });
      }
      List<CategoryCodes> protectedAttributes = new ArrayList<>();
      for (JsonNode n : required(node, "protectedAttributes")) {
        protectedAttributes.add(codes(n));
      }
      JsonNode classes = node.get("labelClasses");
      return new TabularEncoding(features, required(node, "label").stringValue(),
          classes == null || classes.isNull() ? null : codes(classes), protectedAttributes,
          MissingValuePolicy.valueOf(required(node, "missing").stringValue()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a tabular encoding: " + e.getMessage(), e);
    }
  }

  private static ObjectNode codes(CategoryCodes codes) {
    ObjectNode n = JSON.createObjectNode();
    n.put("column", codes.column());
    codes.categories().forEach(n.putArray("categories")::add);
    n.put("mode", codes.mode());
    return n;
  }

  private static CategoryCodes codes(JsonNode n) {
    return new CategoryCodes(required(n, "column").stringValue(), strings(required(n, "categories")),
        required(n, "mode").stringValue());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.stringValue()));
    return out;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return v;
  }
}
