package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.trustml.fairness.data.sets.SharedDatasets;

class AdultMultiTaskTest {

  @Test
  void buildsFiveTasksOverEveryRow() {
    MultiTaskSplit split = AdultData.split();
    MultiTaskData train = split.train();

    assertThat(train.rows()).isEqualTo(32_561);
    assertThat(split.test().rows()).isEqualTo(16_281);
    assertThat(train.taskNames()).containsExactly("income", "long-hours", "married", "capital", "degree");
    assertThat(train.featureCount()).isEqualTo(73);
    assertThat(train.chunkCount()).isEqualTo(AdultData.CHUNKS);
    // base rates of the five tasks and the share of men, from the raw file
    assertThat(rate(train.targets()[0])).isCloseTo(7_841 / 32_561.0, within(1e-9));
    assertThat(rate(train.targets()[1])).isBetween(0.2, 0.4);
    assertThat(rate(train.targets()[2])).isBetween(0.4, 0.5);
    assertThat(rate(train.targets()[3])).isBetween(0.1, 0.15);
    assertThat(rate(train.targets()[4])).isBetween(0.2, 0.3);
    assertThat(rate(train.group())).isCloseTo(21_790 / 32_561.0, within(1e-9));
    assertThat(rate(split.test().targets()[0])).isCloseTo(3_846 / 16_281.0, within(1e-9));
  }

  @Test
  void numericFeaturesAreStandardisedAndCategoriesOneHot() {
    MultiTaskData train = AdultData.split().train();
    int f = train.featureCount();
    double mean = 0;
    for (int i = 0; i < train.rows(); i++) {
      mean += train.features()[i * f];
      double ones = 0;
      for (int j = 2; j < f; j++) {
        ones += train.features()[i * f + j];
      }
      assertThat(ones).isEqualTo(4.0); // workclass, occupation, race, native-country
    }
    assertThat(mean / train.rows()).isCloseTo(0, within(1e-4));
  }

  @Test
  void theSameSeedGivesTheSameRows() {
    MultiTaskSplit a = AdultData.split();
    MultiTaskSplit b =
        AdultMultiTask.load(SharedDatasets.find("adult").orElseThrow(), AdultData.CHUNKS, AdultData.SEED);
    assertThat(b.train().features()).isEqualTo(a.train().features());
    assertThat(b.test().targets()).isEqualTo(a.test().targets());
  }

  private static double rate(int[] values) {
    double sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
