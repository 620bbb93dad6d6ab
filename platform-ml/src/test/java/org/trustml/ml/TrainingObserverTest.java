package org.trustml.ml;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingObserverTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.defaults());
  }

  private static final TrainingSpec SPEC = TrainingSpec.classification(OptimizerSpec.adam(0.05f), 32, 3, 7);

  @Test
  void everyExampleIsSeenOncePerEpochWithItsOutputs() {
    List<int[]> rows = new ArrayList<>();
    List<Integer> epochsEnded = new ArrayList<>();
    int[] outputsPerRow = new int[1];
    TrainingObserver observer = new TrainingObserver() {
      @Override
      public boolean afterBatch(int epoch, int[] batch, float[] outputs) {
        rows.add(batch.clone());
        outputsPerRow[0] = outputs.length / batch.length;
        assertThat(outputs.length % batch.length).isZero();
        return true;
      }

      @Override
      public void afterEpoch(int epoch) {
        epochsEnded.add(epoch);
      }

      @Override
      public boolean wantsOutputs() {
        return true;
      }
    };
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 16, 3))) {
      LabeledData train = Blobs.gaussian(data, 100, 4, 3, 1);
      TrainingResult r = TrainingLoop.fit(model, train, SPEC, ProgressListener.NONE, CancellationCheck.NONE, observer);
      assertThat(r.epochs()).hasSize(3);
    }
    assertThat(epochsEnded).containsExactly(1, 2, 3);
    assertThat(outputsPerRow[0]).isEqualTo(3);
    assertThat(rows).hasSize(3 * 4); // ceil(100 / 32) batches per epoch
    for (int e = 0; e < 3; e++) {
      int[] seen = rows.subList(4 * e, 4 * e + 4).stream().flatMapToInt(Arrays::stream).sorted().toArray();
      assertThat(seen).containsExactly(java.util.stream.IntStream.range(0, 100).toArray());
    }
  }

  @Test
  void observingDoesNotChangeTrainingAndStoppingEndsIt() {
    float[][] plain = trainedOutputs(TrainingObserver.NONE, 3);
    TrainingObserver watching = new TrainingObserver() {
      @Override
      public boolean wantsOutputs() {
        return true;
      }
    };
    assertThat(trainedOutputs(watching, 3)).isDeepEqualTo(plain);

    int[] steps = new int[1];
    TrainingObserver budget = new TrainingObserver() {
      @Override
      public boolean afterBatch(int epoch, int[] batch, float[] outputs) {
        return ++steps[0] < 5;
      }
    };
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 16, 3))) {
      TrainingResult r = TrainingLoop.fit(model, Blobs.gaussian(data, 100, 4, 3, 1), SPEC, ProgressListener.NONE,
          CancellationCheck.NONE, budget);
      // 4 batches in epoch 1, the fifth step is the first of epoch 2, which then ends
      assertThat(steps[0]).isEqualTo(5);
      assertThat(r.epochs()).hasSize(2);
    }
  }

  private static float[][] trainedOutputs(TrainingObserver observer, int epochs) {
    try (NDManager data = ml.newManager(); Model model = ml.newModel("mlp", Models.mlp(4, 16, 3))) {
      TrainingLoop.fit(model, Blobs.gaussian(data, 100, 4, 3, 1), SPEC.withEpochs(epochs), ProgressListener.NONE,
          CancellationCheck.NONE, observer);
      try (NDManager p = ml.newManager()) {
        return Inference.outputs(model, p.create(new float[] {1, 2, 3, 4, 0, 0, 4, 0}, new Shape(2, 4)), 2);
      }
    }
  }
}
