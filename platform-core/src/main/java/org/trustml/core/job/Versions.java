package org.trustml.core.job;

import java.util.LinkedHashMap;
import java.util.Map;

/** The versions that produced a result: platform, method code, Java and the platform it ran on. */
public final class Versions {

  private Versions() {}

  public static Map<String, String> of(JobHandler<?> handler) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("trustml", platformVersion());
    v.put("handler", handler.getClass().getName());
    v.put("handler-version", handler.version());
    v.put("java", System.getProperty("java.version"));
    v.put("java-vendor", System.getProperty("java.vendor"));
    // Math and StrictMath may differ across platforms, so the architecture is part of a result's provenance
    v.put("os-arch", System.getProperty("os.arch"));
    v.put("os-name", System.getProperty("os.name"));
    return v;
  }

  public static String platformVersion() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
