package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustml.core.dataset.TestFiles.problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trustml.core.web.ProblemException;

/** ProPublica's COMPAS file repeats two header names: rejected by default, readable when renaming. */
class CompasDatasetTest {

  @Test
  void rejectsTheRepeatedNameByDefault() {
    Path file = TestFiles.dataset("compas/compas-scores-two-years.csv");
    ProblemException e =
        problem(
            "malformed-csv",
            () -> {
              try (InputStream in = Files.newInputStream(file)) {
                CsvInspector.inspect(in);
              }
            });
    assertThat(e.properties()).containsEntry("line", 1L).containsEntry("column", 40);
    assertThat(e.getMessage()).contains("'decile_score'").contains("column 12");
  }

  @Test
  void inspectsItWithRenamedColumns() throws IOException {
    DatasetSummary s;
    try (InputStream in = Files.newInputStream(TestFiles.dataset("compas/compas-scores-two-years.csv"))) {
      s = CsvInspector.inspect(in, CsvOptions.defaults().withRenamedDuplicateColumns(true));
    }
    assertThat(s.rows()).isEqualTo(7_214); // as counted in the dataset's MANIFEST.md
    assertThat(s.columnSchemas()).extracting(ColumnSchema::name).contains("decile_score", "decile_score.1", "priors_count.1");
    ColumnSchema recid =
        s.columnSchemas().stream().filter(c -> c.name().equals("two_year_recid")).findFirst().orElseThrow();
    assertThat(recid.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(recid.distinct()).isEqualTo(2);
    ColumnSchema race = s.columnSchemas().stream().filter(c -> c.name().equals("race")).findFirst().orElseThrow();
    assertThat(race.distinct()).isEqualTo(6);
  }
}
