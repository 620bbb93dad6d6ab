package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Class codes follow the label values' order: numeric for integers, by string otherwise. */
class LabelCodingTest {

  @Test
  void integerLabelsAreOrderedAsNumbersAndEqualNumbersAreOneClass() {
    LabelCoding.Coded c = LabelCoding.of(new String[] {"10", "9", "-1", "09", "10"});
    assertThat(c.classes()).containsExactly("-1", "9", "10");
    assertThat(c.codes()).containsExactly(2, 1, 0, 1, 2);
  }

  @Test
  void otherLabelsAreOrderedAsStrings() {
    LabelCoding.Coded c = LabelCoding.of(new String[] {"ring", "10", "blob", "9"});
    assertThat(c.classes()).containsExactly("10", "9", "blob", "ring");
    assertThat(c.codes()).containsExactly(3, 0, 2, 1);
  }
}
