package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** CIFAR-10 binary records: made here, truncated, mislabelled, and the shared lossless subset. */
class CifarBinaryReaderTest {

  @Test
  void readsLabelsAndChannelFirstPlanes() throws IOException {
    byte[] bytes = new byte[2 * CifarBinaryReader.RECORD_BYTES];
    bytes[0] = 7;
    bytes[1] = (byte) 200; // image 0, red, (0, 0)
    bytes[1 + 1024 + 33] = (byte) 255; // image 0, green, (1, 1)
    bytes[CifarBinaryReader.RECORD_BYTES] = 2;
    bytes[CifarBinaryReader.RECORD_BYTES + 1 + 2048 + 1023] = 9; // image 1, blue, (31, 31)
    CifarImages images = CifarBinaryReader.read(new ByteArrayInputStream(bytes));
    assertThat(images.count()).isEqualTo(2);
    assertThat(images.labels()).containsExactly(7, 2);
    assertThat(images.pixel(0, 0, 0, 0)).isEqualTo(200);
    assertThat(images.pixel(0, 1, 1, 1)).isEqualTo(255);
    assertThat(images.pixel(1, 2, 31, 31)).isEqualTo(9);
    assertThat(images.pixel(1, 0, 0, 0)).isZero();
  }

  @Test
  void truncatedFilesAndLabelsAboveNineAreMalformed() {
    assertThat(TestFiles.problem("malformed-cifar",
        () -> CifarBinaryReader.read(new ByteArrayInputStream(new byte[3073 + 100]))).getMessage())
        .contains("not a whole number");
    byte[] bytes = new byte[2 * 3073];
    bytes[3073] = 10;
    assertThat(TestFiles.problem("malformed-cifar", () -> CifarBinaryReader.read(new ByteArrayInputStream(bytes)))
        .getMessage()).contains("label 10 of record 1");
  }

  @Test
  void readsTheSharedLosslessTestSubset() throws IOException {
    CifarImages images;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("cifar10/test_batch_first1000.bin"))) {
      images = CifarBinaryReader.read(in);
    }
    assertThat(images.count()).isEqualTo(1000);
    // the first test labels as the dataset's MANIFEST.md lists them (and the official batch has them)
    assertThat(java.util.Arrays.copyOf(images.labels(), 20))
        .containsExactly(3, 8, 8, 0, 6, 6, 1, 6, 3, 1, 0, 9, 5, 7, 9, 8, 5, 7, 8, 6);
  }
}
