package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.core.testing.RecordingJobContext;
import org.trustml.core.job.JobCancelledException;

class TrainingLoopTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  private static final TrainingSpec SPEC = TrainingSpec.classification(OptimizerSpec.adam(0.05f), 32, 4, 7);

  @Test
  void learnsASeparableProblemInAFewEpochs() {
    long started = System.nanoTime();
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 16, 3))) {
      LabeledData train = Blobs.gaussian(data, 600, 4, 3, 1);
      LabeledData test = Blobs.gaussian(data, 300, 4, 3, 2);

      TrainingResult result = TrainingLoop.fit(model, train, SPEC, ProgressListener.NONE, CancellationCheck.NONE);

      assertThat(result.seed()).isEqualTo(7);
      assertThat(result.examples()).isEqualTo(600);
      assertThat(result.batchesPerEpoch()).isEqualTo(19);
      assertThat(result.epochs()).hasSize(4).allSatisfy(e -> assertThat(e.seconds()).isPositive());
      assertThat(result.finalLoss()).isLessThan(result.epochs().get(0).meanLoss()).isLessThan(0.1);
      assertThat(Inference.accuracy(model, test, 128)).isGreaterThan(0.97);
      assertThat(result.toMap()).containsKeys("seed", "epoch-losses", "seconds");
    }
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
  }

  @Test
  void trainsTheSmallCnnOnImages() {
    try (NDManager data = ml.newManager(); Model model = ml.newModel("cnn", Models.smallCnn(1, 2))) {
      LabeledData train = Blobs.bars(data, 256, 3);
      LabeledData test = Blobs.bars(data, 100, 4);

      TrainingLoop.fit(
          model,
          train,
          TrainingSpec.classification(OptimizerSpec.adam(0.01f), 32, 3, 11),
          ProgressListener.NONE,
          CancellationCheck.NONE);

      assertThat(Inference.accuracy(model, test, 50)).isGreaterThan(0.95);
    }
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() throws IOException {
    byte[] first = trainedWeights(SPEC);
    byte[] again = trainedWeights(SPEC);
    byte[] other = trainedWeights(SPEC.withSeed(8));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void concurrentRunsTakeTurnsAndStillFollowTheirSeeds() throws Exception {
    byte[] seven = trainedWeights(SPEC);
    byte[] eight = trainedWeights(SPEC.withSeed(8));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      // without the gradient lock the second concurrent collector throws; without the seed lock weights would mix
      List<Future<byte[]>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> trainedWeights(SPEC)));
        runs.add(pool.submit(() -> trainedWeights(SPEC.withSeed(8))));
      }
      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i).get()).isEqualTo(i % 2 == 0 ? seven : eight);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] trainedWeights(TrainingSpec spec) throws IOException {
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 16, 3))) {
      TrainingLoop.fit(model, Blobs.gaussian(data, 200, 4, 3, 1), spec.withEpochs(2), ProgressListener.NONE,
          CancellationCheck.NONE);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      model.getBlock().saveParameters(new DataOutputStream(bytes));
      return bytes.toByteArray();
    }
  }

  @Test
  void reportsMonotoneProgressWithEpochAndBatchStages() {
    List<Double> fractions = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 8, 3))) {
      TrainingLoop.fit(
          model,
          Blobs.gaussian(data, 100, 4, 3, 1),
          TrainingSpec.classification(OptimizerSpec.sgd(0.1f, 0.9f), 30, 3, 1),
          (fraction, stage) -> {
            fractions.add(fraction);
            stages.add(stage);
          },
          CancellationCheck.NONE);
    }
    // 100 examples in batches of 30: 4 batches, 3 epochs
    assertThat(fractions).hasSize(12).isSorted();
    assertThat(fractions.get(0)).isEqualTo(1.0 / 12);
    assertThat(fractions.get(11)).isEqualTo(1.0);
    assertThat(stages.get(0)).matches("epoch 1/3 batch 1/4 loss \\d+\\.\\d{4}");
    assertThat(stages.get(11)).startsWith("epoch 3/3 batch 4/4 loss ");
  }

  @Test
  void stopsBetweenBatchesWhenTheJobIsCancelled() {
    RecordingJobContext ctx = RecordingJobContext.cancelAfter("test.train", 42, 5);
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 8, 3))) {
      LabeledData train = Blobs.gaussian(data, 320, 4, 3, 1);
      int arraysBefore = data.getManagedArrays().size();

      assertThatThrownBy(() -> TrainingLoop.fit(model, train, SPEC, ctx)).isInstanceOf(JobCancelledException.class);

      // five batches of the first epoch ran, the sixth never started, and none left an array behind
      assertThat(ctx.reports()).hasSize(5);
      assertThat(ctx.reports().get(4).stage()).startsWith("epoch 1/4 batch 5/10 ");
      assertThat(data.getManagedArrays()).hasSize(arraysBefore);
    }
  }

  @Test
  void freesEveryBatchAndDoesNotGrowTheModelsArrays() {
    AtomicInteger checks = new AtomicInteger();
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 8, 3))) {
      LabeledData train = Blobs.gaussian(data, 200, 4, 3, 1);
      int dataArrays = data.getManagedArrays().size();
      TrainingLoop.fit(model, train, SPEC.withEpochs(1), ProgressListener.NONE, checks::incrementAndGet);
      int afterOne = model.getNDManager().getManagedArrays().size();
      TrainingLoop.fit(model, train, SPEC.withEpochs(3), ProgressListener.NONE, checks::incrementAndGet);

      assertThat(afterOne).as("the four parameters only").isEqualTo(4);
      assertThat(checks).hasValue(7 * 4);
      assertThat(data.getManagedArrays()).hasSize(dataArrays);
      assertThat(model.getNDManager().getManagedArrays()).hasSize(afterOne);
    }
  }

  @Test
  void refusesAnEmptyDatasetAndBadSettings() {
    assertThatThrownBy(() -> TrainingSpec.classification(OptimizerSpec.adam(0.1f), 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OptimizerSpec.sgd(-1f)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> new OptimizerSpec("rmsprop", 0.1f, 0, 0)).hasMessageContaining("'rmsprop'");
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 8, 3))) {
      LabeledData empty = new LabeledData(data.zeros(new ai.djl.ndarray.types.Shape(0, 4)), data.create(new int[0]));
      assertThatThrownBy(() -> TrainingLoop.fit(model, empty, SPEC, ProgressListener.NONE, CancellationCheck.NONE))
          .hasMessageContaining("no example");
    }
  }
}
