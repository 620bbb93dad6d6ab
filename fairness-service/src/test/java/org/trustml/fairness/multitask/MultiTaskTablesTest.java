package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ByteSource;
import org.trustml.ml.TabularLoader;
import org.trustml.ml.TabularOptions;
import org.trustml.ml.TabularTable;

class MultiTaskTablesTest {

  static final String CSV = "age,job,sex,rich,hired,promoted\n"
      + "20,a,M,yes,1,false\n"
      + "30,b,F,no,0,true\n"
      + "40,a,F,yes,1,true\n"
      + "50,b,M,no,0,false\n";

  static final List<MultiTaskTables.Task> TASKS = List.of(new MultiTaskTables.Task("rich", "yes"),
      new MultiTaskTables.Task("hired", null), new MultiTaskTables.Task("promoted", null));

  static TabularTable load(String csv, List<MultiTaskTables.Task> tasks) throws Exception {
    return TabularLoader.load(ByteSource.of(csv.getBytes(StandardCharsets.UTF_8)),
        MultiTaskTables.roles(tasks, "sex", List.of(), List.of()), TabularOptions.defaults().withStandardize(true));
  }

  @Test
  void tasksAndGroupComeFromTheirColumnsAndTheRestAreFeatures() throws Exception {
    TabularTable table = load(CSV, TASKS);
    MultiTaskData data = MultiTaskTables.of(table, TASKS, "sex", "M");

    assertThat(data.taskNames()).containsExactly("rich", "hired", "promoted");
    assertThat(data.targets()[0]).containsExactly(1, 0, 1, 0);
    assertThat(data.targets()[1]).containsExactly(1, 0, 1, 0);
    assertThat(data.targets()[2]).containsExactly(0, 1, 1, 0);
    assertThat(data.group()).containsExactly(1, 0, 0, 1);
    assertThat(table.encoding().featureNames()).doesNotContain("sex", "rich", "hired", "promoted");
    // age standardised (mean 35, population sd √125), job one-hot: 3 columns
    assertThat(data.featureCount()).isEqualTo(3);
    assertThat(data.features()[0]).isCloseTo((float) (-15 / Math.sqrt(125)), within(1e-6f));
    assertThat(data.chunk()).containsOnly(0);
  }

  @Test
  void aTestTableWithAnUnseenTaskValueCountsItAsNegative() throws Exception {
    TabularTable table = load(CSV, TASKS);
    TabularTable test = TabularLoader.encode(ByteSource.of(("age,job,sex,rich,hired,promoted\n"
        + "35,a,X,yes,maybe,true\n").getBytes(StandardCharsets.UTF_8)), table.encoding(),
        TabularOptions.defaults().csv());
    MultiTaskData data = MultiTaskTables.of(test, TASKS, "sex", "M");
    assertThat(data.targets()[1]).containsExactly(0);
    assertThat(data.targets()[2]).containsExactly(1);
    assertThat(data.group()).containsExactly(0);
  }

  @Test
  void aTaskWithThreeValuesOrAnUnknownPositiveIsA400NamingTheColumn() throws Exception {
    String three = CSV + "60,a,M,yes,2,false\n";
    assertThatThrownBy(() -> MultiTaskTables.of(load(three, TASKS), TASKS, "sex", "M"))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("label-not-binary");
          assertThat(e.properties()).containsEntry("column", "hired");
        });
    List<MultiTaskTables.Task> wrongPositive = List.of(new MultiTaskTables.Task("rich", "Yes"), TASKS.get(1));
    assertThatThrownBy(() -> MultiTaskTables.of(load(CSV, wrongPositive), wrongPositive, "sex", "M"))
        .isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.properties()).containsEntry("column", "rich"));
    assertThatThrownBy(() -> MultiTaskTables.of(load(CSV, TASKS), TASKS, "sex", "Male"))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo("unknown-value");
          assertThat(e.properties()).containsEntry("column", "sex");
        });
  }

  @Test
  void rowsAreDealtEvenlyIntoChunksAndStrataKeyGroupAndLabels() throws Exception {
    MultiTaskData data = MultiTaskTables.of(load(CSV, TASKS), TASKS, "sex", "M");
    MultiTaskData dealt = MultiTaskTables.dealt(data, 2, 5);
    assertThat(dealt.chunkCount()).isEqualTo(2);
    assertThat(java.util.Arrays.stream(dealt.chunk()).filter(c -> c == 0).count()).isEqualTo(2);
    assertThat(MultiTaskTables.dealt(data, 2, 5).chunk()).isEqualTo(dealt.chunk());
    // group, rich, hired, promoted as bits
    assertThat(MultiTaskTables.strata(data)).containsExactly(0b1110, 0b0001, 0b0111, 0b1000);
  }
}
