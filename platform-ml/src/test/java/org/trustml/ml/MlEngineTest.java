package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

class MlEngineTest {

  @Test
  void loadsPyTorchOfflineFromTheClasspathOnTheCpu() {
    MlEngine ml = MlEngine.start(MlSettings.defaults());

    assertThat(Utils.isOfflineMode()).isTrue();
    EngineInfo info = ml.info();
    assertThat(info.engine()).isEqualTo("PyTorch");
    assertThat(info.engineVersion()).isEqualTo("2.7.1");
    assertThat(info.djlVersion()).isEqualTo("0.36.0");
    assertThat(info.device()).isEqualTo("cpu");
    assertThat(info.toMap()).containsEntry("engine-version", "2.7.1");
    try (NDManager manager = ml.newManager()) {
      NDArray sum = manager.create(new float[] {1, 2, 3}).sum();
      assertThat(sum.getFloat()).isEqualTo(6f);
    }
  }

  @Test
  void everyThreadThatMakesAManagerComputesWithTheConfiguredThreadCount() throws Exception {
    MlEngine ml = MlEngine.start(MlSettings.defaults().withThreads(1));
    int[] seen = new int[2];
    // PyTorch's intra-op thread count is a setting of the calling (OpenMP) thread: a fresh thread starts with the
    // library's default until the engine pins it
    Thread worker = new Thread(() -> {
      seen[0] = ai.djl.pytorch.jni.JniUtils.getNumThreads();
      try (NDManager manager = ml.newManager()) {
        seen[1] = ai.djl.pytorch.jni.JniUtils.getNumThreads();
      }
    });
    worker.start();
    worker.join();
    assertThat(seen[1]).as("threads on a worker after newManager (before: %d)", seen[0]).isEqualTo(1);
  }

  @Test
  void gpuIsAnErrorWithoutOneAndAutoFallsBackToTheCpu() {
    MlEngine cpu = MlEngine.start(MlSettings.defaults());
    if (cpu.info().gpuCount() > 0) {
      assertThat(MlEngine.start(MlSettings.defaults().withDevice(DeviceChoice.AUTO)).info().device()).isEqualTo("gpu:0");
      return;
    }
    assertThatThrownBy(() -> MlEngine.start(MlSettings.defaults().withDevice(DeviceChoice.GPU)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no GPU");
    assertThat(MlEngine.start(MlSettings.defaults().withDevice(DeviceChoice.AUTO)).info().device()).isEqualTo("cpu");
  }

  @Test
  void readsSettingsFromSystemProperties() {
    System.setProperty(MlSettings.DEVICE_PROPERTY, "auto");
    System.setProperty(MlSettings.CACHE_DIR_PROPERTY, "/tmp/djl");
    System.setProperty(MlSettings.THREADS_PROPERTY, "2");
    try {
      MlSettings s = MlSettings.fromEnvironment();
      assertThat(s.device()).isEqualTo(DeviceChoice.AUTO);
      assertThat(s.cacheDir()).isEqualTo(java.nio.file.Paths.get("/tmp/djl"));
      assertThat(s.threads()).isEqualTo(2);
    } finally {
      System.clearProperty(MlSettings.DEVICE_PROPERTY);
      System.clearProperty(MlSettings.CACHE_DIR_PROPERTY);
      System.clearProperty(MlSettings.THREADS_PROPERTY);
    }
    assertThat(MlSettings.fromEnvironment().device()).isEqualTo(DeviceChoice.CPU);
  }

  @Test
  void aLaterCacheDirCannotMoveTheLoadedLibrary() {
    MlEngine first = MlEngine.start(MlSettings.defaults());
    MlEngine again = MlEngine.start(MlSettings.defaults().withCacheDir(java.nio.file.Paths.get("/nonexistent")));

    assertThat(again.info()).isEqualTo(first.info());
    assertThat(MlEngine.nativeLibraryDir()).exists();
  }

  @Test
  void parsesDeviceSettings() {
    assertThat(DeviceChoice.parse(null)).isEqualTo(DeviceChoice.CPU);
    assertThat(DeviceChoice.parse(" GPU ")).isEqualTo(DeviceChoice.GPU);
    assertThat(DeviceChoice.parse("cuda")).isEqualTo(DeviceChoice.GPU);
    assertThat(DeviceChoice.parse("auto")).isEqualTo(DeviceChoice.AUTO);
    assertThatThrownBy(() -> DeviceChoice.parse("tpu")).hasMessageContaining("'tpu'");
  }
}
