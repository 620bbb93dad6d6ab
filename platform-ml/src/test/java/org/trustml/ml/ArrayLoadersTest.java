package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArrayLoadersTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  /** An IDX file: zero, zero, type code, rank, big-endian int32 dimensions, then the data. */
  static byte[] idx(int typeCode, int[] shape, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + data.length).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) shape.length);
    for (int d : shape) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  /** An NPY 1.0 file whose header is padded so the data starts at a multiple of 64. */
  static byte[] npy(String descr, int[] shape, byte[] data) {
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
        + (shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2)) + "), }";
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    return b.array();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void loadsAnIdxPairAsScaledImagesWithAChannelAxis() throws Exception {
    // three 2x2 images with pixels 0, 51, 102, 255 and so on
    byte[] pixels = {0, 51, 102, (byte) 255, 1, 2, 3, 4, 5, 6, 7, 8};
    byte[] images = gzip(idx(0x08, new int[] {3, 2, 2}, pixels));
    byte[] labels = idx(0x08, new int[] {3}, new byte[] {7, 0, 9});

    try (NDManager manager = ml.newManager()) {
      LabeledData d = ArrayLoaders.idx(ByteSource.of(images), ByteSource.of(labels), manager, ArrayOptions.images());

      assertThat(d.features().getShape()).isEqualTo(new Shape(3, 1, 2, 2));
      assertThat(d.features().getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(d.features().toFloatArray()).startsWith(0f, 51 / 255f, 102 / 255f, 1f);
      assertThat(d.labels().toIntArray()).containsExactly(7, 0, 9);

      LabeledData raw = ArrayLoaders.idx(ByteSource.of(images), ByteSource.of(labels), manager, ArrayOptions.raw());
      assertThat(raw.features().getShape()).isEqualTo(new Shape(3, 2, 2));
      assertThat(raw.features().toFloatArray()).startsWith(0f, 51f, 102f, 255f);
    }
  }

  @Test
  void refusesLabelsThatDoNotMatchTheExamples() {
    byte[] images = idx(0x08, new int[] {3, 2, 2}, new byte[12]);
    byte[] labels = idx(0x08, new int[] {2}, new byte[2]);
    try (NDManager manager = ml.newManager()) {
      assertThatThrownBy(
              () -> ArrayLoaders.idx(ByteSource.of(images), ByteSource.of(labels), manager, ArrayOptions.raw()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one label per example");
    }
  }

  @Test
  void loadsAnNpyPairWithIntegerOrFloatLabels() throws Exception {
    ByteBuffer x = ByteBuffer.allocate(6 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : new float[] {0.5f, -1f, 2f, 3.25f, 4f, 5f}) {
      x.putFloat(v);
    }
    ByteBuffer y = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN).putLong(2).putLong(0).putLong(1);
    ByteBuffer t = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.5).putDouble(1).putDouble(-2);
    byte[] features = npy("<f4", new int[] {3, 2}, x.array());

    try (NDManager manager = ml.newManager()) {
      LabeledData d =
          ArrayLoaders.npy(
              ByteSource.of(features), ByteSource.of(npy("<i8", new int[] {3}, y.array())), manager, ArrayOptions.raw());
      assertThat(d.features().getShape()).isEqualTo(new Shape(3, 2));
      assertThat(d.features().toFloatArray()).containsExactly(0.5f, -1f, 2f, 3.25f, 4f, 5f);
      assertThat(d.labels().getDataType()).isEqualTo(DataType.INT32);
      assertThat(d.labels().toIntArray()).containsExactly(2, 0, 1);

      LabeledData r =
          ArrayLoaders.npy(
              ByteSource.of(features), ByteSource.of(npy("<f8", new int[] {3}, t.array())), manager, ArrayOptions.raw());
      assertThat(r.labels().getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(r.labels().toFloatArray()).containsExactly(0.5f, 1f, -2f);
    }
  }
}
