package org.trustml.fhe.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;
import org.trustml.fhe.model.SquareLayer;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;

/** Training through platform-ml on three Gaussian blobs: it learns, and the same seed gives the same weights. */
class PolyNetworkTrainerTest {

  private static MlEngine ml;
  private static double[][] x;
  private static int[] y;

  @BeforeAll
  static void data() {
    ml = MlEngine.start(MlSettings.fromEnvironment());
    Random random = new Random(3);
    x = new double[600][4];
    y = new int[600];
    for (int i = 0; i < x.length; i++) {
      y[i] = i % 3;
      for (int k = 0; k < 4; k++) {
        x[i][k] = random.nextGaussian() * 0.5 + (k == y[i] ? 2 : 0);
      }
    }
  }

  @Test
  void learnsBlobsAndExportsDenseSquareDense() {
    TrainingSettings settings = new TrainingSettings(8, 10, 32, 1e-2f, 11);
    PolyNetwork network = PolyNetworkTrainer.train(ml, x, y, 3, settings, "blobs").network();
    assertThat(network.layers()).hasSize(3);
    assertThat(network.layers().get(1)).isInstanceOf(SquareLayer.class);
    assertThat(network.outputSize()).isEqualTo(3);
    int correct = 0;
    for (int i = 0; i < x.length; i++) {
      correct += PolyNetwork.argmax(network.forward(x[i])) == y[i] ? 1 : 0;
    }
    assertThat(correct / (double) x.length).isGreaterThan(0.95);
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    TrainingSettings settings = new TrainingSettings(4, 2, 64, 1e-2f, 5);
    String a = PolyNetworkFormat.toJson(PolyNetworkTrainer.train(ml, x, y, 3, settings, "").network());
    String b = PolyNetworkFormat.toJson(PolyNetworkTrainer.train(ml, x, y, 3, settings, "").network());
    assertThat(a).isEqualTo(b);
  }
}
