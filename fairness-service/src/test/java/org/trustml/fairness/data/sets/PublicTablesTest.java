package org.trustml.fairness.data.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.ml.ByteSource;
import org.trustml.ml.MissingValuePolicy;

/** The public tables load with the counts their MANIFEST and ProPublica's analysis give. */
class PublicTablesTest {

  private static Path root(String file) {
    var root = SharedDatasets.rootWith(file);
    assumeTrue(root.isPresent(), "skipped: " + file + " not found under " + SharedDatasets.candidates()
        + " (set -Dtrustml.datasets.dir)");
    return root.get();
  }

  @Test
  void adultKeepsItsOfficialSplitAndBothSplitsShareLabels() throws Exception {
    Path root = root("adult/adult.data");
    FairSchema schema = new FairSchema("income", ">50K", List.of(ProtectedSpec.of("sex", "Male"),
        ProtectedSpec.of("race", "White"), new ProtectedSpec("age", "25_60", List.of(25.0, 45.0, 65.0))),
        List.of(), List.of(), MissingValuePolicy.IMPUTE);
    FairProblemLoader.Loaded train = FairProblemLoader.fit(ByteSource.of(Adult.train(root)), schema);
    FairProblem test = FairProblemLoader.apply(ByteSource.of(Adult.test(root)), train.encoding(), schema).problem();
    assertThat(train.problem().rows()).isEqualTo(32_561);
    assertThat(test.rows()).isEqualTo(16_281);
    // 7,841 of the training incomes are above 50K (24.1 %), 3,846 of the test incomes
    assertThat(Arrays.stream(train.problem().labels()).sum()).isEqualTo(7_841);
    assertThat(Arrays.stream(test.labels()).sum()).isEqualTo(3_846);
    assertThat(train.problem().attributes().get(2).values()).containsExactly("<25", "[25, 45)", "[45, 65)", "≥65");
  }

  @Test
  void compasIsFilteredAsProPublicaDid() throws Exception {
    Path root = root("compas/compas-scores-two-years.csv");
    FairSchema schema = new FairSchema("two_year_recid", "1", List.of(ProtectedSpec.of("race", "Caucasian"),
        ProtectedSpec.of("sex", "Male")), List.of(), List.of(), null);
    FairProblem p = FairProblemLoader.fit(ByteSource.of(Compas.table(root)), schema).problem();
    assertThat(p.rows()).isEqualTo(5_278);
    assertThat(p.attributes().get(0).values()).containsExactly("African-American", "Caucasian");
    assertThat(p.cellNames()).hasSize(4);
  }
}
