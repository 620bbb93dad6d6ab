package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the writer writes, the reader reads back field for field. */
class CsvWriterTest {

  @Test
  void fieldsThatNeedQuotesRoundTripThroughTheReader() throws IOException {
    List<List<String>> rows = List.of(List.of("name", "note", "x"), List.of("a,b", "say \"hi\"", "1.5"),
        List.of(" padded ", "two\nlines", "-0"), List.of("plain", "", "1e-300"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter w = new CsvWriter(bytes)) {
      for (List<String> r : rows) {
        w.row(r);
      }
    }
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("name,note,x\n\"a,b\",\"say \"\"hi\"\"\",1.5\n");
    List<List<String>> read = new ArrayList<>();
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(bytes.toByteArray()),
        CsvOptions.defaults().withTrimFields(false))) {
      read.add(r.columnNames());
      while (r.hasNext()) {
        read.add(List.of(r.next()));
      }
    }
    assertThat(read).isEqualTo(rows);
  }
}
