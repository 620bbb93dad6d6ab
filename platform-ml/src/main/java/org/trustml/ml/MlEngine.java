package org.trustml.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into DJL's PyTorch engine: loads it offline (the native library comes from the
 * {@code pytorch-native-cpu} jar on the classpath, extracted once into a cache directory; nothing is downloaded),
 * picks the device from the settings and says what it runs on for provenance.
 *
 * <pre>{@code
 * MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
 * try (NDManager manager = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(14, 32, 2))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The native engine is a JVM-wide singleton: the cache directory and thread count of the first {@link #start}
 * apply for the life of the JVM; later calls may choose another device.
 */
public final class MlEngine {

  /** The engine every trustml service uses. */
  public static final String ENGINE_NAME = "PyTorch";

  private static final Logger log = LoggerFactory.getLogger(MlEngine.class);
  /**
   * MKL's conditional numerical reproducibility switch, read once when MKL loads (so only from the environment):
   * {@value #REPRODUCIBLE_BLAS_MODE} keeps the fastest kernels and makes their results independent of memory
   * alignment. The build's tests, the benchmarks, {@code ./trustml}, the image and the manifests set it.
   */
  public static final String REPRODUCIBLE_BLAS = "MKL_CBWR";

  public static final String REPRODUCIBLE_BLAS_MODE = "AUTO,STRICT";

  private static Engine engine; // guarded by MlEngine.class
  private static Path loadedFrom; // guarded by MlEngine.class
  private static int gpuCount; // guarded by MlEngine.class; asked once: each query logs when CUDA is unusable

  private final Device device;
  private final EngineInfo info;
  private final int threads;

  private MlEngine(Device device, EngineInfo info, int threads) {
    this.device = device;
    this.info = info;
    this.threads = threads;
  }

  /**
   * Loads the engine if this JVM has not yet, then resolves the device.
   *
   * @throws IllegalStateException if the native library cannot be loaded (the message says from where), or
   *     {@link DeviceChoice#GPU} was asked for and the engine reports no GPU
   */
  public static synchronized MlEngine start(MlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Engine loaded = load(settings);
    Device device = chooseDevice(loaded, settings.device());
    EngineInfo info =
        new EngineInfo(loaded.getEngineName(), loaded.getVersion(), Engine.getDjlVersion(), describe(device), gpuCount);
    return new MlEngine(device, info, settings.threads());
  }

  /** {@link #start} with {@link MlSettings#fromEnvironment()}. */
  public static MlEngine fromEnvironment() {
    return start(MlSettings.fromEnvironment());
  }

  /**
   * Sets the system properties that keep DJL from reaching the network: offline mode (no model zoo, no native
   * library download) and no usage tracking. Idempotent; {@link #start} calls it before touching the engine.
   */
  public static void goOffline() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private static Engine load(MlSettings settings) {
    if (engine != null) {
      if (settings.cacheDir() != null && !loadedFrom.startsWith(settings.cacheDir().toAbsolutePath())) {
        // the native library is loaded once per JVM; a second directory cannot take effect
        log.warn("the engine was already loaded from {}; cache dir {} is ignored", loadedFrom, settings.cacheDir());
      }
      return engine;
    }
    goOffline();
    if (settings.cacheDir() != null) {
      // DJL lets the environment variable win over the property: an operator's ENGINE_CACHE_DIR stays in force
      System.setProperty("ENGINE_CACHE_DIR", settings.cacheDir().toAbsolutePath().toString());
    }
    if (settings.threads() > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.threads()));
    }
    Path cacheDir = Utils.getEngineCacheDir("pytorch").toAbsolutePath();
    try {
      engine = Engine.getEngine(ENGINE_NAME);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "the PyTorch engine did not load offline from the classpath (pytorch-engine, pytorch-jni and "
              + "pytorch-native-cpu must all be there) into cache dir " + cacheDir + ": " + e.getMessage(),
          e);
    }
    loadedFrom = Paths.get(LibUtils.getLibtorchPath()).toAbsolutePath();
    gpuCount = engine.getGpuCount();
    log.info(
        "{} {} (DJL {}) loaded offline from {}, {} GPU(s)",
        engine.getEngineName(),
        engine.getVersion(),
        Engine.getDjlVersion(),
        loadedFrom,
        gpuCount);
    if (System.getenv(REPRODUCIBLE_BLAS) == null) {
      // MKL picks its kernels by the buffers' alignment, so the same seeded training can end in different bits
      log.warn("{} is not set: PyTorch's MKL matrix products may differ in their last bits from run to run, and "
          + "seeded trainings with them; set {}={} for bitwise reproducible runs", REPRODUCIBLE_BLAS,
          REPRODUCIBLE_BLAS, REPRODUCIBLE_BLAS_MODE);
    }
    return engine;
  }

  private static Device chooseDevice(Engine loaded, DeviceChoice choice) {
    int gpus = gpuCount;
    return switch (choice) {
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new IllegalStateException(
              "device 'gpu' was asked for but the " + loaded.getEngineName() + " engine reports no GPU "
                  + "(the native library at " + loadedFrom + " may be the CPU build); use 'cpu' or 'auto'");
        }
        yield Device.gpu(0);
      }
      case AUTO -> {
        Device chosen = gpus > 0 ? Device.gpu(0) : Device.cpu();
        log.info("device 'auto': {} GPU(s) reported, using {}", gpus, describe(chosen));
        yield chosen;
      }
    };
  }

  /** {@code cpu}, or {@code gpu:<id>}. */
  static String describe(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
  }

  /** The device this instance puts tensors and models on. */
  public Device device() {
    return device;
  }

  /** Engine, versions and device, for provenance. */
  public EngineInfo info() {
    return info;
  }

  /** The directory the native library was loaded from (inside the cache directory unless overridden). */
  public static synchronized Path nativeLibraryDir() {
    if (loadedFrom == null) {
      throw new IllegalStateException("the engine is not loaded yet: call MlEngine.start first");
    }
    return loadedFrom;
  }

  /** A new root manager on {@link #device()}; the caller closes it (try-with-resources). */
  public NDManager newManager() {
    pinThreads();
    return NDManager.newBaseManager(device, ENGINE_NAME);
  }

  /**
   * PyTorch's intra-op thread count is an OpenMP setting of the calling thread, not of the process: the engine
   * applies {@code ai.djl.pytorch.num_threads} on the thread that loads it, and a job worker thread would otherwise
   * run with one thread per core, whose sums split by load (seeded runs then differ in their last bits). Applied on
   * every thread that makes a manager or a model.
   */
  private void pinThreads() {
    if (threads > 0 && JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
  }

  /**
   * A new model on {@link #device()} holding {@code block}; the caller closes it, which frees the parameters.
   *
   * @param block not yet initialized, or initialized on this device
   */
  public Model newModel(String name, Block block) {
    pinThreads();
    Model model = Model.newInstance(name, device, ENGINE_NAME);
    model.setBlock(block);
    return model;
  }
}
