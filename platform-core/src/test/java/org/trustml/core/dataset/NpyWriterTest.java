package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What NpyWriter writes, read back by the project's NPY reader. */
class NpyWriterTest {

  @Test
  void float32MatricesAndInt64VectorsReadBackExactly() throws IOException {
    float[][] rows = {{1.5f, -2f, 3e-7f}, {0f, Float.MAX_VALUE, -0.25f}};
    NpyArray m = NpyReader.readFloats(new ByteArrayInputStream(NpyWriter.float32(rows)));
    assertThat(m.shape()).containsExactly(2, 3);
    assertThat(m.dtype()).isEqualTo("float32");
    assertThat(m.data()).containsExactly(1.5f, -2f, 3e-7f, 0f, Float.MAX_VALUE, -0.25f);

    NpyIntArray v = NpyReader.readInts(new ByteArrayInputStream(NpyWriter.int64(new int[] {7, -3, Integer.MAX_VALUE})));
    assertThat(v.shape()).containsExactly(3);
    assertThat(v.dtype()).isEqualTo("int64");
    assertThat(v.data()).containsExactly(7, -3, Integer.MAX_VALUE);
  }

  @Test
  void doublesAreWrittenAsTheirNearestFloats() throws IOException {
    double[] values = {0.1, -1e-8, 1.0 / 3, 2.5};
    NpyArray m = NpyReader.readFloats(new ByteArrayInputStream(NpyWriter.float32(values, 2, 2)));
    assertThat(m.shape()).containsExactly(2, 2);
    assertThat(m.data()).containsExactly(0.1f, -1e-8f, 1f / 3, 2.5f);
  }

  @Test
  void raggedRowsAndWrongCountsAreRefused() {
    assertThatThrownBy(() -> NpyWriter.float32(new float[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 values");
    assertThatThrownBy(() -> NpyWriter.float32(new float[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 6 values");
  }
}
