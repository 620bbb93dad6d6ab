package org.trustml.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ran a computation, for provenance: the engine and its version, the DJL version and the device.
 *
 * @param engine the engine's name, e.g. {@code PyTorch}
 * @param engineVersion the native library's version, e.g. {@code 2.7.1}
 * @param djlVersion DJL's API version, e.g. {@code 0.36.0}
 * @param device the device, e.g. {@code cpu} or {@code gpu:0}
 * @param gpuCount how many GPUs the engine reports (0 with the CPU native library)
 */
public record EngineInfo(String engine, String engineVersion, String djlVersion, String device, int gpuCount) {

  /** The fields under kebab-case keys, as provenance records them. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("engine", engine);
    map.put("engine-version", engineVersion);
    map.put("djl-version", djlVersion);
    map.put("device", device);
    map.put("gpu-count", gpuCount);
    return map;
  }
}
