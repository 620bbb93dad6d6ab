package org.trustml.ml;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * How the engine is set up in this JVM.
 *
 * @param device which device tensors and models live on
 * @param cacheDir where DJL extracts the native PyTorch library from the {@code pytorch-native-cpu} jar; null for
 *     DJL's own rule ({@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}, else
 *     {@code java.io.tmpdir/.djl.ai} when the home is not writable)
 * @param threads PyTorch intra-op threads; 0 for the engine's default (one per core)
 */
public record MlSettings(DeviceChoice device, Path cacheDir, int threads) {

  /** System property (or, upper-cased with underscores, environment variable) choosing the device. */
  public static final String DEVICE_PROPERTY = "trustml.ml.device";

  /** System property (or environment variable {@code TRUSTML_ML_CACHE_DIR}) for the native library cache. */
  public static final String CACHE_DIR_PROPERTY = "trustml.ml.cache-dir";

  /** System property (or environment variable {@code TRUSTML_ML_THREADS}) for PyTorch's intra-op threads. */
  public static final String THREADS_PROPERTY = "trustml.ml.threads";

  /** Checks the values. */
  public MlSettings {
    if (device == null) {
      throw new IllegalArgumentException("device must not be null");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, was " + threads);
    }
  }

  /** CPU, DJL's cache rule, the engine's thread count. */
  public static MlSettings defaults() {
    return new MlSettings(DeviceChoice.CPU, null, 0);
  }

  /**
   * Reads {@value #DEVICE_PROPERTY}, {@value #CACHE_DIR_PROPERTY} and {@value #THREADS_PROPERTY} from system
   * properties, else from the environment ({@code TRUSTML_ML_DEVICE}, {@code TRUSTML_ML_CACHE_DIR},
   * {@code TRUSTML_ML_THREADS}); what is unset keeps its {@link #defaults() default}.
   */
  public static MlSettings fromEnvironment() {
    DeviceChoice device = DeviceChoice.parse(setting(DEVICE_PROPERTY));
    String cache = setting(CACHE_DIR_PROPERTY);
    String threads = setting(THREADS_PROPERTY);
    return new MlSettings(
        device,
        cache == null || cache.isBlank() ? null : Paths.get(cache),
        threads == null || threads.isBlank() ? 0 : Integer.parseInt(threads.strip()));
  }

  /** The same settings on another device. */
  public MlSettings withDevice(DeviceChoice other) {
    return new MlSettings(other, cacheDir, threads);
  }

  /** The same settings with another native library cache. */
  public MlSettings withCacheDir(Path dir) {
    return new MlSettings(device, dir, threads);
  }

  /** The same with {@code n} PyTorch intra-op threads (0: one per core). */
  public MlSettings withThreads(int n) {
    return new MlSettings(device, cacheDir, n);
  }

  private static String setting(String property) {
    String value = System.getProperty(property);
    if (value != null) {
      return value;
    }
    return System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
  }
}
