package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustml.core.dataset.TestFiles.problem;
import static org.trustml.core.dataset.TestFiles.utf8;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.web.ProblemException;

class CsvInspectorTest {

  @Test
  void infersTypesCountsMissingAndRanges() throws IOException {
    String csv =
        """
        id,score,flag,name,empty,mixed
        1,0.5,true,alice,,1
        2,-3,FALSE,bob,NA,x
        3,1e2,True,?,null,2
        -4,NaN,,carol,nan,
        5,7,false,alice,?,3
        """;
    DatasetSummary s = CsvInspector.inspect(utf8(csv));
    assertThat(s.format()).isEqualTo(DatasetFormat.CSV);
    assertThat(s.rows()).isEqualTo(5);
    assertThat(s.columns()).isEqualTo(6);
    assertThat(s.shape()).isEmpty();
    assertThat(s.dtype()).isNull();

    ColumnSchema id = s.columnSchemas().get(0);
    assertThat(id).isEqualTo(new ColumnSchema("id", ColumnType.INTEGER, 0, 5, List.of("1", "2", "3", "-4", "5"), -4.0, 5.0));

    ColumnSchema score = s.columnSchemas().get(1);
    assertThat(score.type()).isEqualTo(ColumnType.NUMBER);
    assertThat(score.missing()).isEqualTo(1);
    assertThat(score.min()).isEqualTo(-3.0);
    assertThat(score.max()).isEqualTo(100.0);

    ColumnSchema flag = s.columnSchemas().get(2);
    assertThat(flag.type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(flag.missing()).isEqualTo(1);
    assertThat(flag.distinct()).as("distinct counts strings as written").isEqualTo(4);
    assertThat(flag.min()).isNull();

    ColumnSchema name = s.columnSchemas().get(3);
    assertThat(name).isEqualTo(new ColumnSchema("name", ColumnType.STRING, 1, 3, List.of("alice", "bob", "carol"), null, null));

    ColumnSchema empty = s.columnSchemas().get(4);
    assertThat(empty).isEqualTo(new ColumnSchema("empty", ColumnType.STRING, 5, 0, List.of(), null, null));

    assertThat(s.columnSchemas().get(5).type()).isEqualTo(ColumnType.STRING);
    assertThat(s.columnSchemas().get(5).missing()).isEqualTo(1);
  }

  @Test
  void numbersAreStrictDecimals() throws IOException {
    assertThat(typeOf("1f")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf("0x10")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf("Infinity")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf("1e999")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf("1e")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf(".")).isEqualTo(ColumnType.STRING);
    assertThat(typeOf(".5")).isEqualTo(ColumnType.NUMBER);
    assertThat(typeOf("5.")).isEqualTo(ColumnType.NUMBER);
    assertThat(typeOf("+2.5E-3")).isEqualTo(ColumnType.NUMBER);
    assertThat(typeOf("99999999999999999999")).as("beyond a long").isEqualTo(ColumnType.NUMBER);
    assertThat(typeOf("-9223372036854775808")).isEqualTo(ColumnType.INTEGER);
    assertThat(typeOf("+7")).isEqualTo(ColumnType.INTEGER);
    assertThat(typeOf(" 39 ")).as("surrounding spaces do not change the type").isEqualTo(ColumnType.INTEGER);
  }

  private static ColumnType typeOf(String value) throws IOException {
    return CsvInspector.inspect(utf8("v\n\"" + value + "\"\n")).columnSchemas().get(0).type();
  }

  @Test
  void countsDistinctValuesExactlyUpToTheCap() throws IOException {
    StringBuilder csv = new StringBuilder("exact,over\n");
    for (int i = 0; i < 1500; i++) {
      csv.append(i % ColumnSchema.DISTINCT_CAP).append(',').append(i).append('\n');
    }
    DatasetSummary s = CsvInspector.inspect(utf8(csv.toString()));
    assertThat(s.columnSchemas().get(0).distinct()).isEqualTo(1000);
    assertThat(s.columnSchemas().get(1).distinct()).isEqualTo(-1);
    assertThat(s.columnSchemas().get(1).sampleValues()).containsExactly("0", "1", "2", "3", "4");
    assertThat(s.columnSchemas().get(1).max()).isEqualTo(1499.0);
  }

  @Test
  void longValuesCountAsDistinctAndSamplesAreCut() throws IOException {
    String a = "a".repeat(300);
    String b = "a".repeat(299) + "b";
    DatasetSummary s = CsvInspector.inspect(utf8("t\n" + a + "\n" + b + "\n" + a + "\n"));
    assertThat(s.columnSchemas().get(0).distinct()).isEqualTo(2);
    assertThat(s.columnSchemas().get(0).sampleValues()).allSatisfy(v -> assertThat(v).hasSize(101).endsWith("…"));
  }

  @Test
  void previewsTheFirstTwentyRows() throws IOException {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i).append(",\" x").append(i).append("\"\n");
    }
    DatasetSummary s = CsvInspector.inspect(utf8(csv.toString()));
    assertThat(s.rows()).isEqualTo(30);
    assertThat(s.preview()).hasSize(CsvInspector.PREVIEW_ROWS);
    assertThat(s.preview().get(0)).containsExactly("0", " x0");
    assertThat(s.preview().get(19)).containsExactly("19", " x19");
  }

  @Test
  void reportsTheFirstProblem() {
    ProblemException e = problem("malformed-csv", () -> CsvInspector.inspect(utf8("a,b\n1,2\n3\n4,5,6\n")));
    assertThat(e.properties()).containsEntry("line", 3L).containsEntry("column", 2);
    assertThat(e.status().value()).isEqualTo(400);
  }
}
