package org.trustml.fhe.dct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The note's default channel table: counts per plane and the listed indices. */
class ChannelPatternTest {

  @Test
  void everyDefaultPatternHasTheNotesCounts() {
    // {F, channels, luma count, chroma count per plane}
    int[][] table = {{8, 6, 4, 1}, {8, 12, 8, 2}, {8, 24, 14, 5}, {8, 32, 22, 5}, {8, 48, 32, 8}, {8, 64, 44, 10},
        {4, 24, 12, 6}, {4, 48, 16, 16}, {8, 192, 64, 64}};
    for (int[] row : table) {
      ChannelPattern p = ChannelPattern.standard(row[0], row[1]);
      assertThat(p.luma()).as("F = %d, %d channels", row[0], row[1]).hasSize(row[2]).isSorted().doesNotHaveDuplicates();
      assertThat(p.chroma()).hasSize(row[3]).isSorted().doesNotHaveDuplicates();
      assertThat(p.colourChannels()).isEqualTo(row[1]);
    }
  }

  @Test
  void indicesAreTheNotesRowMajorOnes() {
    assertThat(ChannelPattern.standard(8, 6).luma()).containsExactly(0, 1, 4, 5); // the flagged quirk, kept as given
    assertThat(ChannelPattern.standard(4, 24).luma()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13);
    assertThat(ChannelPattern.standard(4, 24).chroma()).containsExactly(0, 1, 2, 4, 5, 8);
    assertThat(ChannelPattern.standard(8, 24).luma()).containsExactly(0, 1, 2, 3, 4, 5, 8, 9, 10, 16, 17, 18, 24, 32);
    assertThat(ChannelPattern.standard(8, 24).chroma()).containsExactly(0, 1, 3, 8, 24);
    assertThat(ChannelPattern.standard(8, 64).chroma()).containsExactly(0, 1, 2, 8, 9, 10, 16, 17, 24, 25);
  }

  @Test
  void unknownCombinationsAndOutOfRangeIndicesAreRefused() {
    assertThatThrownBy(() -> ChannelPattern.standard(8, 7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no default pattern for F = 8 with 7 channels");
    assertThatThrownBy(() -> new ChannelPattern(4, new int[] {16}, new int[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel 16 outside 0..15");
  }
}
