package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustml.core.dataset.TestFiles.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trustml.core.dataset.TestFiles.Bytes;
import org.trustml.core.web.ProblemException;

/** The registry's entry point picks the inspector from the name and content, through gzip. */
class DatasetInspectorTest {

  @Test
  void inspectsCsvIncludingGzippedCsv() throws IOException {
    byte[] csv = "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8);
    assertThat(DatasetInspector.inspect("t.csv", new ByteArrayInputStream(csv)).rows()).isEqualTo(2);
    DatasetSummary gz = DatasetInspector.inspect("t.csv.gz", new ByteArrayInputStream(TestFiles.gzip(csv)));
    assertThat(gz.format()).isEqualTo(DatasetFormat.CSV);
    assertThat(gz.columnSchemas()).extracting(ColumnSchema::type).containsExactly(ColumnType.INTEGER, ColumnType.STRING);
  }

  @Test
  void passesCsvOptionsOn() throws IOException {
    byte[] csv = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
    DatasetSummary s =
        DatasetInspector.inspect("t.csv", new ByteArrayInputStream(csv), CsvOptions.defaults().withDelimiter(';'));
    assertThat(s.columns()).isEqualTo(2);
  }

  @Test
  void inspectsIdxAndNpyByContent() throws IOException {
    byte[] idx = new Bytes().u8(0, 0, 0x08, 1).be32(2).u8(7, 9).bytes();
    assertThat(DatasetInspector.inspect("upload", new ByteArrayInputStream(TestFiles.gzip(idx))).format())
        .isEqualTo(DatasetFormat.IDX);
    byte[] npy = NpyTest.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }").u8(1, 2).bytes();
    DatasetSummary s = DatasetInspector.inspect(null, new ByteArrayInputStream(npy));
    assertThat(s.format()).isEqualTo(DatasetFormat.NPY);
    assertThat(s.dtype()).isEqualTo("uint8");
  }

  @Test
  void reportsMalformedContentOfTheNamedFormat() {
    ProblemException e =
        problem("malformed-npy", () -> DatasetInspector.inspect("x.npy", new ByteArrayInputStream("nope".getBytes())));
    assertThat(e.properties()).containsEntry("offset", 0L);
    e = problem("malformed-csv", () -> DatasetInspector.inspect("x.csv", new ByteArrayInputStream(new byte[0])));
    assertThat(e.properties()).containsEntry("line", 1L);
    problem("unsupported-format", () -> DatasetInspector.inspect("x.parquet", new ByteArrayInputStream("PAR1".getBytes())));
  }

  @Test
  void reportsATruncatedGzippedCsvWithItsLine() throws IOException {
    StringBuilder csv = new StringBuilder("n,sq\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i).append(',').append((long) i * i).append('\n');
    }
    byte[] gz = TestFiles.gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    ProblemException e = problem("malformed-csv", () -> DatasetInspector.inspect("big.csv.gz", new ByteArrayInputStream(cut)));
    assertThat(e.getMessage()).contains("gzip");
    assertThat(e.properties()).containsKeys("line", "column", "offset");
    assertThat((Long) e.properties().get("line")).isGreaterThan(2L);
  }
}
