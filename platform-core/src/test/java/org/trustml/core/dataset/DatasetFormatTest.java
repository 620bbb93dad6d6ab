package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustml.core.dataset.TestFiles.problem;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.TestFiles.Bytes;
import org.trustml.core.web.ProblemException;

class DatasetFormatTest {

  private static final byte[] IDX_HEAD = new Bytes().u8(0, 0, 0x08, 3).be32(1).bytes();
  private static final byte[] NPY_HEAD = new Bytes().u8(0x93).text("NUMPY").u8(1, 0).bytes();

  @Test
  void hasMediaTypes() {
    assertThat(DatasetFormat.CSV.mediaType()).isEqualTo("text/csv");
    assertThat(DatasetFormat.IDX.mediaType()).isEqualTo("application/x-idx");
    assertThat(DatasetFormat.NPY.mediaType()).isEqualTo("application/x-npy");
    assertThat(DatasetFormat.fromMediaType("Text/CSV; charset=utf-8")).contains(DatasetFormat.CSV);
    assertThat(DatasetFormat.fromMediaType("application/json")).isEmpty();
  }

  @Test
  void detectsFromFileNames() {
    assertThat(DatasetFormat.fromFileName("data/adult.csv")).contains(DatasetFormat.CSV);
    assertThat(DatasetFormat.fromFileName("ADULT.CSV.GZ")).contains(DatasetFormat.CSV);
    assertThat(DatasetFormat.fromFileName("adult.data")).contains(DatasetFormat.CSV);
    assertThat(DatasetFormat.fromFileName("x.npy")).contains(DatasetFormat.NPY);
    assertThat(DatasetFormat.fromFileName("x.npy.gz")).contains(DatasetFormat.NPY);
    assertThat(DatasetFormat.fromFileName("t10k-images-idx3-ubyte")).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromFileName("t10k-images-idx3-ubyte.gz")).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromFileName("t10k-images.idx3-ubyte")).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromFileName("labels.idx")).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromFileName("labels.idx1.gz")).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromFileName("model.onnx")).isEmpty();
    assertThat(DatasetFormat.fromFileName(null)).isEmpty();
  }

  @Test
  void detectsFromMagicBytes() {
    assertThat(DatasetFormat.fromMagic(NPY_HEAD)).contains(DatasetFormat.NPY);
    assertThat(DatasetFormat.fromMagic(IDX_HEAD)).contains(DatasetFormat.IDX);
    assertThat(DatasetFormat.fromMagic(new Bytes().u8(0, 0, 0x07, 3).bytes())).isEmpty();
    assertThat(DatasetFormat.fromMagic(new Bytes().u8(0, 0, 0x08, 0).bytes())).isEmpty();
    assertThat(DatasetFormat.fromMagic("a,b\n".getBytes())).isEmpty();
    assertThat(DatasetFormat.fromMagic(new byte[0])).isEmpty();
  }

  @Test
  void magicWinsThenNameThenTextWithoutName() {
    assertThat(DatasetFormat.detect("mislabelled.csv", NPY_HEAD)).isEqualTo(DatasetFormat.NPY);
    assertThat(DatasetFormat.detect("broken.npy", "garbage".getBytes())).isEqualTo(DatasetFormat.NPY);
    assertThat(DatasetFormat.detect(null, "a,b\n1,2\n".getBytes())).isEqualTo(DatasetFormat.CSV);
    assertThat(DatasetFormat.detect("upload", "a,b\n1,2\n".getBytes())).isEqualTo(DatasetFormat.CSV);
    assertThat(DatasetFormat.detect("t10k-images-idx3-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 8})).isEqualTo(DatasetFormat.IDX);
    assertThat(DatasetFormat.detect(null, new byte[] {0x1f, (byte) 0x8b, 8})).isEqualTo(DatasetFormat.IDX);
  }

  @Test
  void rejectsWhatItCannotTell() {
    ProblemException e = problem("unsupported-format", () -> DatasetFormat.detect("model.onnx", "abc".getBytes()));
    assertThat(e.properties()).containsEntry("fileName", "model.onnx");
    problem("unsupported-format", () -> DatasetFormat.detect(null, new byte[] {1, 2, 3, 0}));
    problem("unsupported-format", () -> DatasetFormat.detect("a.rar", new byte[] {0x1f, (byte) 0x8b}));
  }

  @Test
  void looksInsideGzipWhenDetectingAStreamWithoutConsumingIt() throws IOException {
    byte[] npy = new Bytes().u8(0x93).text("NUMPY").u8(1, 0).le16(4).text("{}  ").bytes();
    InputStream in = new BufferedInputStream(new ByteArrayInputStream(TestFiles.gzip(npy)));
    assertThat(DatasetFormat.detect(null, in)).isEqualTo(DatasetFormat.NPY);
    assertThat(in.readNBytes(2)).containsExactly(0x1f, 0x8b);

    InputStream csv = new BufferedInputStream(new ByteArrayInputStream(TestFiles.gzip("a,b\n".getBytes())));
    assertThat(DatasetFormat.detect("upload.csv.gz", csv)).isEqualTo(DatasetFormat.CSV);
    assertThat(Optional.of(DatasetFormat.detect("x", new BufferedInputStream(new ByteArrayInputStream(IDX_HEAD)))))
        .contains(DatasetFormat.IDX);
  }
}
