package org.trustml.ml;

import java.util.Locale;

/**
 * Where a service wants its tensors: the setting behind {@link MlSettings#device()}.
 *
 * <p>{@link #GPU} is strict on purpose: a job sized for a GPU that silently ran on a CPU would hold a worker for
 * hours, so asking for a GPU that the engine does not report is an error. {@link #AUTO} is the forgiving choice: the
 * first GPU when there is one, else the CPU, with a log line saying which.
 */
public enum DeviceChoice {
  /** Always the CPU (the default: build and CI machines have no GPU). */
  CPU,
  /** The first CUDA device; an error if the engine reports none. */
  GPU,
  /** The first CUDA device if the engine reports one, else the CPU. */
  AUTO;

  /**
   * Parses a setting value, case-insensitively: {@code cpu}, {@code gpu} (also {@code cuda}) or {@code auto}.
   *
   * @throws IllegalArgumentException for any other value, naming it
   */
  public static DeviceChoice parse(String value) {
    if (value == null || value.isBlank()) {
      return CPU;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "cpu" -> CPU;
      case "gpu", "cuda" -> GPU;
      case "auto" -> AUTO;
      default -> throw new IllegalArgumentException(
          "device must be cpu, gpu or auto, was '" + value + "'");
    };
  }
}
