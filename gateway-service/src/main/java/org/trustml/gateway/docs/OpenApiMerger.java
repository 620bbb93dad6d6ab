package org.trustml.gateway.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges OpenAPI documents into one: every path, every component schema. A schema that two services define
 * differently under one name is renamed {@code <Service><Name>} in the second one, references included; operation
 * ids are prefixed with the service's name so a generated client has one method per endpoint.
 */
public final class OpenApiMerger {

  private final ObjectNode merged;

  public OpenApiMerger(String title, String version) {
    merged = JsonNodeFactory.instance.objectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", title);
    info.put("version", version);
    merged.putArray("servers").addObject().put("url", "/");
    merged.putObject("paths");
    merged.putObject("components").putObject("schemas");
    merged.putArray("tags");
  }

  /**
   * Adds a method service's document: its operations are prefixed and tagged with the service's name, e.g.
   * {@code pruning}, so each service becomes one API class of a generated client.
   */
  public OpenApiMerger add(String prefix, JsonNode doc) {
    return add(prefix, doc, true);
  }

  /** Adds the gateway's own document, keeping its operation ids and tags (datasets, models, admin). */
  public OpenApiMerger addOwn(JsonNode doc) {
    return add("gateway", doc, false);
  }

  private OpenApiMerger add(String prefix, JsonNode doc, boolean retag) {
    ObjectNode copy = (ObjectNode) doc.deepCopy();
    ObjectNode schemas = (ObjectNode) merged.get("components").get("schemas");
    JsonNode theirSchemas = copy.path("components").path("schemas");
    if (theirSchemas.isObject()) {
      for (Map.Entry<String, JsonNode> s : List.copyOf(theirSchemas.properties())) {
        JsonNode existing = schemas.get(s.getKey());
        if (existing != null && !existing.equals(s.getValue())) {
          String renamed = capitalize(prefix) + s.getKey();
          renameRefs(copy, "#/components/schemas/" + s.getKey(), "#/components/schemas/" + renamed);
          ((ObjectNode) copy.get("components").get("schemas")).set(renamed,
              copy.get("components").get("schemas").get(s.getKey()));
          ((ObjectNode) copy.get("components").get("schemas")).remove(s.getKey());
        }
      }
      for (Map.Entry<String, JsonNode> s : copy.get("components").get("schemas").properties()) {
        schemas.set(s.getKey(), s.getValue());
      }
    }
    ObjectNode paths = (ObjectNode) merged.get("paths");
    for (Map.Entry<String, JsonNode> p : copy.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
        if (retag && op.getValue() instanceof ObjectNode operation && operation.has("operationId")) {
          operation.put("operationId", prefix + capitalize(operation.get("operationId").asString()));
          ArrayNode tags = operation.putArray("tags");
          tags.add(prefix);
        }
      }
      paths.set(p.getKey(), p.getValue());
    }
    if (retag) {
      ((ArrayNode) merged.get("tags")).addObject().put("name", prefix).put("description", "the " + prefix
          + " service");
    } else {
      doc.path("tags").forEach(t -> ((ArrayNode) merged.get("tags")).add(t.deepCopy()));
    }
    return this;
  }

  public ObjectNode document() {
    return merged;
  }

  private static void renameRefs(JsonNode node, String from, String to) {
    if (node instanceof ObjectNode obj) {
      JsonNode ref = obj.get("$ref");
      if (ref != null && ref.isString() && ref.asString().equals(from)) {
        obj.put("$ref", to);
      }
      List<JsonNode> children = new ArrayList<>();
      obj.values().forEach(children::add);
      children.forEach(c -> renameRefs(c, from, to));
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(c -> renameRefs(c, from, to));
    }
  }

  private static String capitalize(String s) {
    StringBuilder out = new StringBuilder();
    boolean up = true;
    for (char c : s.toCharArray()) {
      if (c == '-' || c == '_' || c == '.') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }
}
