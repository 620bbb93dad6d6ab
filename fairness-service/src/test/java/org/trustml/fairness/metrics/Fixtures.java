package org.trustml.fairness.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders for test data. */
final class Fixtures {

  private Fixtures() {}

  /** "0110" → {0, 1, 1, 0}. */
  static int[] bits(String s) {
    int[] out = new int[s.length()];
    for (int i = 0; i < s.length(); i++) {
      out[i] = s.charAt(i) - '0';
    }
    return out;
  }

  /** "AAB" → {"A", "A", "B"}. */
  static String[] chars(String s) {
    String[] out = new String[s.length()];
    for (int i = 0; i < s.length(); i++) {
      out[i] = String.valueOf(s.charAt(i));
    }
    return out;
  }

  /** Columns in the given order: name, values, name, values, … */
  static ProtectedAttributes attributes(Object... nameThenValues) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenValues.length; i += 2) {
      m.put((String) nameThenValues[i], (String[]) nameThenValues[i + 1]);
    }
    return ProtectedAttributes.of(m);
  }

  /** Options without support threshold and without bootstrap: Fairlearn's semantics. */
  static MetricsOptions plain() {
    return MetricsOptions.defaults().withMinSupport(1).withBootstrap(0, 0.95, 1);
  }
}
