package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real UCI Adult files: no header, {@code ", "} separators, {@code ?} for missing, a junk line. */
class AdultDatasetTest {

  static final List<String> COLUMNS =
      List.of(
          "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation",
          "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country",
          "income");

  private static final CsvOptions ADULT = CsvOptions.defaults().withColumnNames(COLUMNS).withTrimFields(true);

  @Test
  void readsAllOfAdultData() throws IOException {
    Path file = TestFiles.dataset("adult/adult.data");
    long rows = 0;
    String[] first = null;
    String[] last = null;
    try (CsvReader reader = CsvReader.open(Files.newInputStream(file), ADULT)) {
      assertThat(reader.columnNames()).hasSize(15);
      while (reader.hasNext()) {
        String[] row = reader.next();
        assertThat(row).hasSize(15);
        if (first == null) {
          first = row;
        }
        last = row;
        rows++;
      }
      assertThat(reader.line()).isEqualTo(32_561);
    }
    assertThat(rows).isEqualTo(32_561);
    assertThat(first)
        .containsExactly(
            "39", "State-gov", "77516", "Bachelors", "13", "Never-married", "Adm-clerical", "Not-in-family",
            "White", "Male", "2174", "0", "40", "United-States", "<=50K");
    assertThat(last[14]).isEqualTo(">50K");
  }

  @Test
  void inspectsAdultData() throws IOException {
    DatasetSummary s;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("adult/adult.data"))) {
      s = CsvInspector.inspect(in, ADULT);
    }
    assertThat(s.rows()).isEqualTo(32_561);
    assertThat(s.columns()).isEqualTo(15);
    ColumnSchema age = s.columnSchemas().get(0);
    assertThat(age.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(age.min()).isEqualTo(17.0);
    assertThat(age.max()).isEqualTo(90.0);
    // the counts of '?' documented for adult.data
    assertThat(s.columnSchemas().get(1).missing()).isEqualTo(1836);
    assertThat(s.columnSchemas().get(6).missing()).isEqualTo(1843);
    assertThat(s.columnSchemas().get(13).missing()).isEqualTo(583);
    assertThat(s.columnSchemas().get(9).distinct()).isEqualTo(2);
    assertThat(s.columnSchemas().get(14).sampleValues()).containsExactly("<=50K", ">50K");
    assertThat(s.columnSchemas().get(2).distinct()).as("fnlwgt has more than 1000 values").isEqualTo(-1);
  }

  @Test
  void readsAdultTestAfterItsJunkLine() throws IOException {
    DatasetSummary s;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("adult/adult.test"))) {
      s = CsvInspector.inspect(in, ADULT.withSkipLines(1));
    }
    assertThat(s.rows()).isEqualTo(16_281);
    assertThat(s.columnSchemas().get(14).sampleValues()).containsExactly("<=50K.", ">50K.");
    assertThat(s.preview().get(0).get(0)).isEqualTo("25");
  }
}
