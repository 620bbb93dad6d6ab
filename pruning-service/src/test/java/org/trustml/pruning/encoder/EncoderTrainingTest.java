package org.trustml.pruning.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.ml.OptimizerSpec;
import org.trustml.ml.ProgressListener;

/** Small seeded training runs on generated images: a few hundred 16 x 16 images, a few epochs. */
class EncoderTrainingTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.fromEnvironment());
  }

  static EncoderSpec spec(Architecture a, long seed) {
    return new EncoderSpec(a, 32, 3, OptimizerSpec.adam(0.003f), 32, 6, new int[] {1, 2}, seed);
  }

  static TrainedEncoder train(LabeledData data, EncoderSpec spec) {
    return EncoderTraining.train(ml, data, spec, ProgressListener.NONE, CancellationCheck.NONE);
  }

  @Test
  void bothArchitecturesLearnTheGeneratedImagesAndEmbedThem() {
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 300, 1);
      LabeledData test = Patterns.make(m, 150, 2);
      for (Architecture a : Architecture.values()) {
        try (TrainedEncoder encoder = train(train, spec(a, 7))) {
          assertTrue(encoder.accuracy(test) >= 0.95, a + " test accuracy " + encoder.accuracy(test));
          float[][] z = encoder.embed(train.features());
          assertEquals(300, z.length);
          assertTrue(Arrays.stream(z).allMatch(row -> row.length == 32), a + ": rows of the embedding width");
          // after a ReLU: never negative, and not all zero
          assertTrue(Arrays.stream(z).allMatch(row -> IntStream.range(0, 32).allMatch(k -> row[k] >= 0)));
          assertTrue(Arrays.stream(z).anyMatch(row -> IntStream.range(0, 32).anyMatch(k -> row[k] > 0)));
          assertEquals(6, encoder.training().epochs().size());
          assertEquals(300, encoder.dynamics().size());
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameEmbeddingsAndDynamicsAndAnotherSeedOthers() {
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 120, 3);
      EncoderSpec spec = spec(Architecture.SMALL_CNN, 11).withEpochs(2);
      float[][] first;
      double[] aum;
      try (TrainedEncoder e = train(train, spec)) {
        first = e.embed(train.features());
        aum = e.dynamics().aum();
      }
      try (TrainedEncoder again = train(train, spec)) {
        assertTrue(Arrays.deepEquals(first, again.embed(train.features())));
        assertArrayEquals(aum, again.dynamics().aum(), 0.0);
      }
      try (TrainedEncoder other = train(train, spec.withSeed(12))) {
        assertFalse(Arrays.deepEquals(first, other.embed(train.features())));
      }
    }
  }

  @Test
  void mislabelledSamplesHaveLowAumAndHighEl2n() {
    int[] flipped = IntStream.range(0, 30).map(i -> i * 10).toArray(); // 10 % of 300
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 300, 4, flipped);
      try (TrainedEncoder e = train(train, spec(Architecture.SMALL_CNN, 5))) {
        TrainingDynamics d = e.dynamics();
        boolean[] noisy = new boolean[300];
        for (int i : flipped) {
          noisy[i] = true;
        }
        double[] aum = means(d.aum(), noisy);
        double[] el2n = means(d.el2n(), noisy);
        assertTrue(aum[0] < 0 && aum[1] > 0, "AUM noisy " + aum[0] + " vs clean " + aum[1]);
        assertTrue(el2n[0] > el2n[1] + 0.5, "EL2N noisy " + el2n[0] + " vs clean " + el2n[1]);
      }
    }
  }

  private static double[] means(double[] v, boolean[] noisy) {
    double[] sum = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < v.length; i++) {
      int g = noisy[i] ? 0 : 1;
      sum[g] += v[i];
      count[g]++;
    }
    return new double[] {sum[0] / count[0], sum[1] / count[1]};
  }

  @Test
  void aSubsetTrainsForExactlyItsIterationBudget() {
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 300, 6);
      LabeledData test = Patterns.make(m, 150, 7);
      int[] subset = IntStream.range(0, 100).map(i -> 2 * i).toArray(); // every class
      EvaluationSpec spec = new EvaluationSpec(Architecture.SMALL_CNN, 32, 3, OptimizerSpec.adam(0.003f), 32, 30, 3);
      SubsetEvaluation.Result r = SubsetEvaluation.trainAndEvaluate(ml, train, subset, test, spec,
          ProgressListener.NONE, CancellationCheck.NONE);
      assertEquals(30, r.iterations());
      assertEquals(100, r.trainedOn());
      assertEquals(8, r.training().epochs().size()); // 4 batches per epoch: 7 full epochs and 2 steps of the 8th
      assertTrue(r.accuracy() >= 0.9, "accuracy " + r.accuracy());
      SubsetEvaluation.Result again = SubsetEvaluation.trainAndEvaluate(ml, train, subset, test, spec,
          ProgressListener.NONE, CancellationCheck.NONE);
      assertEquals(r.accuracy(), again.accuracy(), 0.0);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubsetEvaluation
          .trainAndEvaluate(ml, train, new int[] {1, 1}, test, spec, ProgressListener.NONE, CancellationCheck.NONE));
      assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> SubsetEvaluation
          .trainAndEvaluate(ml, train, new int[] {300}, test, spec, ProgressListener.NONE, CancellationCheck.NONE));
      assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }
  }

  @Test
  void badSpecsAreClearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EncoderSpec(Architecture.MLP, 32, 3, OptimizerSpec.adam(0.01f), 32, 2, new int[] {3}, 1));
    assertTrue(e.getMessage().contains("el2nEpochs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Architecture.of("resnet"));
    assertTrue(e.getMessage().contains("small-cnn, mlp"), e.getMessage());
    assertEquals(Architecture.SMALL_CNN, Architecture.of("small-cnn"));
  }
}
