package org.trustml.fairness.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.fairness.metrics.ProtectedAttributes;

/** The wire form of protected attributes (name → values) as the metrics take them. */
final class ProtectedColumns {

  private ProtectedColumns() {}

  static ProtectedAttributes of(Map<String, List<String>> columns) {
    Map<String, String[]> arrays = new LinkedHashMap<>();
    columns.forEach((name, values) -> arrays.put(name, values == null ? null : values.toArray(String[]::new)));
    return ProtectedAttributes.of(arrays);
  }
}
