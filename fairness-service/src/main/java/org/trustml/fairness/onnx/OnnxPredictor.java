package org.trustml.fairness.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Serves a model written by {@link OnnxExport} with ONNX Runtime: one session per model, shared by any number of
 * concurrent {@link #predict} calls (ONNX Runtime sessions are thread-safe for inference), closed once nothing
 * predicts with it any more.
 */
public final class OnnxPredictor implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final int featureCount;

  /**
   * Loads a serialized ONNX model.
   *
   * @throws IllegalArgumentException when ONNX Runtime cannot load the bytes or they lack the expected input
   */
  public OnnxPredictor(byte[] model) {
    // the environment is a process-wide singleton owned by ONNX Runtime: taken, never closed here
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      this.session = env.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
    }
    try {
      this.featureCount = inputWidth(session);
    } catch (RuntimeException | OrtException e) {
      closeQuietly(e);
      throw new IllegalArgumentException("the model has no float input '" + OnnxExport.INPUT + "' [N, d]", e);
    }
  }

  /** The number of columns a row must have. */
  public int featureCount() {
    return featureCount;
  }

  /** The model's custom metadata (kind, θ, feature names as written by {@link OnnxExport}). */
  public Map<String, String> metadata() {
    try {
      return Map.copyOf(session.getMetadata().getCustomMetadata());
    } catch (OrtException e) {
      throw new IllegalStateException("cannot read the model's metadata", e);
    }
  }

  /** Predicts every row of a row-major array with {@link #featureCount()} columns. */
  public OnnxPrediction predict(float[] rows) {
    if (rows.length % featureCount != 0) {
      throw new IllegalArgumentException(rows.length + " values are not whole rows of " + featureCount);
    }
    int n = rows.length / featureCount;
    if (n == 0) {
      return new OnnxPrediction(new float[0], new int[0], new float[0]);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(rows), new long[] {n, featureCount});
        OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
      float[] scores = floats(result, OnnxExport.SCORE, n);
      float[] probabilities = floats(result, OnnxExport.PROBABILITY, n);
      LongBuffer labelBuffer = tensor(result, OnnxExport.LABEL).getLongBuffer();
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = (int) labelBuffer.get(i);
      }
      return new OnnxPrediction(scores, labels, probabilities);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed to predict " + n + " rows", e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session", e);
    }
  }

  private static int inputWidth(OrtSession session) throws OrtException {
    NodeInfo input = session.getInputInfo().get(OnnxExport.INPUT);
    long[] shape = ((TensorInfo) input.getInfo()).getShape();
    if (shape.length != 2 || shape[1] < 1) {
      throw new IllegalArgumentException("input shape " + Arrays.toString(shape));
    }
    return Math.toIntExact(shape[1]);
  }

  private static float[] floats(OrtSession.Result result, String name, int n) {
    FloatBuffer buffer = tensor(result, name).getFloatBuffer();
    float[] out = new float[n];
    buffer.get(out);
    return out;
  }

  private static OnnxTensor tensor(OrtSession.Result result, String name) {
    return (OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("no output '" + name + "'"));
  }

  private void closeQuietly(Exception cause) {
    try {
      session.close();
    } catch (OrtException e) {
      cause.addSuppressed(e);
    }
  }
}
