package org.trustml.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, standard deviation and Jaccard indices worked by hand. */
class SummaryAndJaccardTest {

  @Test
  void meanAndSampleStandardDeviation() {
    // 0.80, 0.82, 0.87: mean 0.83; deviations −0.03, −0.01, 0.04; squares 9e-4 + 1e-4 + 16e-4 = 26e-4; /2 = 13e-4
    Summary s = Summary.of(0.80, 0.82, 0.87);
    assertEquals(0.83, s.mean(), 1e-15);
    assertEquals(Math.sqrt(13e-4), s.std(), 1e-15);
    assertArrayEquals(new double[] {0.80, 0.82, 0.87}, s.values());
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares sum 32, sample variance 32/7
    assertEquals(Math.sqrt(32.0 / 7), Summary.of(2, 4, 4, 4, 5, 5, 7, 9).std(), 1e-15);
    assertEquals(0, Summary.of(0.5).std());
    assertThrows(IllegalArgumentException.class, Summary::of);
    assertThrows(IllegalArgumentException.class, () -> Summary.of(0.1, Double.NaN));
  }

  @Test
  void jaccardOfKeptSets() {
    // {1,2,3,5} ∩ {2,3,4} = {2,3}; union {1,2,3,4,5}: 2/5
    assertEquals(0.4, Jaccard.of(new int[] {1, 2, 3, 5}, new int[] {2, 3, 4}), 1e-15);
    assertEquals(1, Jaccard.of(new int[] {0, 7}, new int[] {0, 7}));
    assertEquals(0, Jaccard.of(new int[] {0, 1}, new int[] {2, 3}));
    assertEquals(0, Jaccard.of(new int[] {}, new int[] {2}));
    // pairs: (a,b) 1/3 ({1} of {1,2,3}), (a,c) 1, (b,c) 1/3: mean 5/9
    int[] a = {1, 2};
    int[] b = {1, 3};
    assertEquals(5.0 / 9, Jaccard.meanPairwise(List.of(a, b, new int[] {1, 2})), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jaccard.of(new int[] {3, 1}, new int[] {1}));
    assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Jaccard.meanPairwise(List.of(a)));
  }

  @Test
  void spearmanRankCorrelation() {
    // ranks of (10, 20, 30, 40) and (1, 3, 2, 4): d = 0, 1, 1, 0; ρ = 1 − 6·2/(4·15) = 0.8
    assertEquals(0.8, RankCorrelation.spearman(new double[] {10, 20, 30, 40}, new double[] {1, 3, 2, 4}), 1e-15);
    assertEquals(-1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {9, 5, 0}), 1e-15);
    // ties share their mean rank: (5, 5, 1) → (2.5, 2.5, 1)
    assertArrayEquals(new double[] {2.5, 2.5, 1}, RankCorrelation.ranks(new double[] {5, 5, 1}), 0.0);
    // ranks (2.5, 2.5, 1) vs (1, 2, 3): centred (0.5, 0.5, −1) · (−1, 0, 1) = −1.5; norms √1.5 and √2
    assertEquals(-1.5 / Math.sqrt(1.5 * 2), RankCorrelation.spearman(new double[] {5, 5, 1},
        new double[] {1, 2, 3}), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, 1},
        new double[] {1, 2}));
  }

  @Test
  void medianNearestNeighbourDistanceAndNoise() {
    // points on a line at 0, 1, 3, 7: nearest distances 1, 1, 2, 4 → median (1 + 2) / 2 = 1.5
    float[][] line = {{0, 0}, {1, 0}, {3, 0}, {7, 0}};
    assertEquals(1.5, EmbeddingNoise.medianNearestNeighborDistance(line, 10, 1), 1e-12);
    // a sample of one point gives that point's distance, one of 1, 1, 2, 4
    double one = EmbeddingNoise.medianNearestNeighborDistance(line, 1, 5);
    assertTrue(one == 1 || one == 2 || one == 4, "sampled distance " + one);

    float[][] zeros = new float[2000][5];
    float[][] noisy = EmbeddingNoise.perturbed(zeros, 0.3, 9);
    double sum = 0;
    double squares = 0;
    for (float[] row : noisy) {
      for (float v : row) {
        sum += v;
        squares += v * v;
      }
    }
    int count = 2000 * 5;
    // mean 0 ± 3·0.3/√10000 and variance 0.09 within 5 %
    assertEquals(0, sum / count, 0.009);
    assertEquals(0.09, squares / count, 0.0045);
    assertEquals(0f, zeros[0][0]); // the input is not modified
    assertTrue(java.util.Arrays.deepEquals(noisy, EmbeddingNoise.perturbed(zeros, 0.3, 9)), "seeded");
  }
}
