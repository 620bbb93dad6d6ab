package org.trustml.pruning.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Margins, EL2N and forgetting against closed forms computed from given logits. */
class SampleScoresTest {

  static final double TIGHT = 1e-12;

  /** softmax([2, 1, 0]) = (e², e, 1) / (e² + e + 1). */
  static double[] softmax210() {
    double s = Math.exp(2) + Math.exp(1) + 1;
    return new double[] {Math.exp(2) / s, Math.exp(1) / s, 1 / s};
  }

  @Test
  void marginIsTheLabelsLogitMinusTheLargestOther() {
    float[] z = {2, 1, 0};
    assertEquals(1, SampleScores.margin(z, 0, 3, 0), TIGHT);
    assertEquals(-1, SampleScores.margin(z, 0, 3, 1), TIGHT);
    assertEquals(-2, SampleScores.margin(z, 0, 3, 2), TIGHT);
    // rows are read at an offset
    assertEquals(3, SampleScores.margin(new float[] {9, 9, 0, 5, 2}, 2, 3, 1), TIGHT);
  }

  @Test
  void el2nIsTheDistanceOfTheSoftmaxToTheOneHot() {
    double[] p = softmax210();
    float[] z = {2, 1, 0};
    assertEquals(Math.sqrt(Math.pow(p[0] - 1, 2) + p[1] * p[1] + p[2] * p[2]), SampleScores.el2n(z, 0, 3, 0),
        TIGHT);
    assertEquals(Math.sqrt(p[0] * p[0] + p[1] * p[1] + Math.pow(p[2] - 1, 2)), SampleScores.el2n(z, 0, 3, 2),
        TIGHT);
    // huge logits do not overflow: a confident right answer scores 0, a confident wrong one √2
    assertEquals(0, SampleScores.el2n(new float[] {1000, 0}, 0, 2, 0), TIGHT);
    assertEquals(Math.sqrt(2), SampleScores.el2n(new float[] {1000, 0}, 0, 2, 1), TIGHT);
    // equal logits: p = 1/k everywhere, ‖p − e_y‖² = (1 − 1/k)² + (k − 1)/k² = (k − 1)/k
    assertEquals(Math.sqrt(3.0 / 4), SampleScores.el2n(new float[] {7, 7, 7, 7}, 0, 4, 1), TIGHT);
  }

  @Test
  void theRecorderAveragesMarginsCountsForgettingAndAveragesEl2nOverItsEpochs() {
    int[] labels = {0, 1};
    float[][] evaluated = {{2, 1, 0}, {0, 0, 0}};
    DynamicsRecorder r = new DynamicsRecorder(labels, 3, new int[] {1, 2}, () -> evaluated);
    // epoch 1: sample 1 then 0 in one batch; sample 0 right (margin 1), sample 1 wrong (margin −3)
    r.afterBatch(1, new int[] {1, 0}, new float[] {3, 0, 0, 2, 1, 0});
    r.afterEpoch(1);
    // epoch 2: sample 0 now wrong (margin −2): forgotten once; sample 1 right (margin 4)
    r.afterBatch(2, new int[] {0}, new float[] {0, 2, 1});
    r.afterBatch(2, new int[] {1}, new float[] {0, 5, 1});
    r.afterEpoch(2);
    // epoch 3 (no EL2N): sample 0 right again (margin 0.5), sample 1 wrong again: forgotten once
    r.afterBatch(3, new int[] {0, 1}, new float[] {1.5f, 1, 0, 0, 0, 1});
    r.afterEpoch(3);
    TrainingDynamics d = r.result();
    assertArrayEquals(new double[] {(1 - 2 + 0.5) / 3, (-3 + 4 - 1) / 3.0}, d.aum(), TIGHT);
    assertArrayEquals(new double[] {1, 1}, d.forgetting(), TIGHT);
    double[] p = softmax210();
    double el2n0 = Math.sqrt(Math.pow(p[0] - 1, 2) + p[1] * p[1] + p[2] * p[2]);
    assertArrayEquals(new double[] {el2n0, Math.sqrt(2.0 / 3)}, d.el2n(), TIGHT); // same logits both epochs
    assertArrayEquals(new int[] {1, 2}, d.el2nEpochs());
  }

  @Test
  void neverLearntSamplesCountAsForgottenEveryTimeAndMissingPassesAreErrors() {
    DynamicsRecorder r = new DynamicsRecorder(new int[] {1}, 2, new int[] {1}, () -> new float[][] {{1, 0}});
    r.afterBatch(1, new int[] {0}, new float[] {1, 0});
    r.afterEpoch(1);
    r.afterBatch(2, new int[] {0}, new float[] {1, 0});
    assertEquals(2, r.result().forgetting()[0], TIGHT);

    DynamicsRecorder unfinished = new DynamicsRecorder(new int[] {0}, 2, new int[] {2}, () -> new float[][] {{1, 0}});
    unfinished.afterBatch(1, new int[] {0}, new float[] {1, 0});
    IllegalStateException e = assertThrows(IllegalStateException.class, unfinished::result);
    assertTrue(e.getMessage().contains("EL2N"), e.getMessage());
  }

  @Test
  void runsAverageSampleBySample() {
    TrainingDynamics a = new TrainingDynamics(new double[] {1, 2}, new double[] {0.1, 0.2}, new double[] {0, 2},
        new int[] {1}, 1);
    TrainingDynamics b = new TrainingDynamics(new double[] {3, 4}, new double[] {0.3, 0.4}, new double[] {2, 2},
        new int[] {1}, 1);
    TrainingDynamics m = TrainingDynamics.mean(List.of(a, b));
    assertArrayEquals(new double[] {2, 3}, m.aum(), TIGHT);
    assertArrayEquals(new double[] {0.2, 0.3}, m.el2n(), TIGHT);
    assertArrayEquals(new double[] {1, 2}, m.forgetting(), TIGHT);
    assertEquals(2, m.runs());
    // a mean of means weighs by runs
    TrainingDynamics c = new TrainingDynamics(new double[] {6, 6}, new double[] {0, 0}, new double[] {0, 0},
        new int[] {1}, 1);
    assertArrayEquals(new double[] {10.0 / 3, 4}, TrainingDynamics.mean(List.of(m, c)).aum(), TIGHT);
    assertFalse(m.aum() == a.aum());
  }
}
