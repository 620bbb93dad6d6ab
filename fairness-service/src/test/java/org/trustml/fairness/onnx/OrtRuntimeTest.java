package org.trustml.fairness.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Test;

/** ONNX Runtime's native library loads from its jar on this platform; every other test here depends on it. */
class OrtRuntimeTest {

  @Test
  void nativeRuntimeLoadsAndOffersTheCpuProvider() throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    assertTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CPU), env.toString());
  }
}
