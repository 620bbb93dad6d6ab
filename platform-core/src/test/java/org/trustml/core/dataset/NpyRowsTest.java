package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trustml.core.dataset.NpyTest.npy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.TestFiles.Bytes;

/** Row subsets of NPY files, read back with the platform's reader; the header as numpy writes it. */
class NpyRowsTest {

  private static byte[] select(byte[] source, int... rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyRows.select(new ByteArrayInputStream(source), rows, out);
    return out.toByteArray();
  }

  @Test
  void theHeaderIsTheOneNumpyWrites() {
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (5, 3), }";
    assertThat(NpyRows.header("<f8", new int[] {5, 3})).isEqualTo(npy(dict).bytes());
    assertThat(NpyRows.header("<i8", new int[] {7})).isEqualTo(
        npy("{'descr': '<i8', 'fortran_order': False, 'shape': (7,), }").bytes());
  }

  @Test
  void copiesTheChosenRowsOfACOrderedArrayExactly() throws IOException {
    Bytes b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4, 2), }");
    double[] values = {0.1, -2, 1e300, 3.5, Math.PI, Double.MIN_VALUE, 7, 8};
    for (double v : values) {
      b.le64(Double.doubleToLongBits(v));
    }
    byte[] subset = select(b.bytes(), 0, 2, 3);
    NpyHeader header = NpyHeader.read(new ByteArrayInputStream(subset));
    assertThat(header.shape()).containsExactly(3, 2);
    assertThat(header.dtype().descr()).isEqualTo("<f8");
    java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(subset, (int) header.dataOffset(), 48)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    double[] expected = {0.1, -2, Math.PI, Double.MIN_VALUE, 7, 8};
    for (double v : expected) {
      assertThat(data.getDouble()).isEqualTo(v);
    }
    // gzip sources and empty subsets
    assertThat(NpyReader.readFloats(new ByteArrayInputStream(select(TestFiles.gzip(b.bytes()), 1))).data())
        .containsExactly((float) 1e300, 3.5f);
    assertThat(NpyReader.readFloats(new ByteArrayInputStream(select(b.bytes()))).shape()).containsExactly(0, 2);
  }

  @Test
  void reordersAFortranOrderedArray() throws IOException {
    // 3x2x2 in Fortran order: element (i, j, k) stored at i + 3j + 6k holds its C position 4i + 2j + k
    Bytes c = npy("{'descr': '|u1', 'fortran_order': True, 'shape': (3, 2, 2), }");
    int[] stored = new int[12];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 2; k++) {
          stored[i + 3 * j + 6 * k] = 4 * i + 2 * j + k;
        }
      }
    }
    c.u8(stored);
    NpyIntArray subset = NpyReader.readInts(new ByteArrayInputStream(select(c.bytes(), 0, 2)));
    assertThat(subset.shape()).containsExactly(2, 2, 2);
    assertThat(subset.data()).containsExactly(0, 1, 2, 3, 8, 9, 10, 11);
  }

  @Test
  void refusesRowsOutOfOrderOrRangeAndShortData() {
    byte[] labels = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }").le64(1).le64(2).le64(3)
        .bytes();
    assertThatThrownBy(() -> select(labels, 2, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> select(labels, 3)).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }").le64(1).bytes();
    assertThat(TestFiles.problem(Problems.MALFORMED_NPY, () -> select(truncated, 0, 2)).getMessage())
        .contains("data ended early");
  }
}
