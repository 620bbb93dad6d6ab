package org.trustml.fhe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolyNetworkFormatTest {

  static PolyNetwork randomNetwork(int in, int hidden, int out, long seed) {
    Random random = new Random(seed);
    return new PolyNetwork(in, List.of(randomDense(in, hidden, random), new SquareLayer(),
        randomDense(hidden, out, random)), "random");
  }

  static DenseLayer randomDense(int in, int out, Random random) {
    double[][] w = new double[out][in];
    double[] b = new double[out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        w[o][i] = random.nextGaussian() / Math.sqrt(in);
      }
      b[o] = 0.1 * random.nextGaussian();
    }
    return new DenseLayer(w, b);
  }

  @Test
  void roundTripIsExact() {
    PolyNetwork network = randomNetwork(7, 5, 3, 1);
    PolyNetwork back = PolyNetworkFormat.fromJson(PolyNetworkFormat.toJson(network));
    assertThat(back.inputSize()).isEqualTo(7);
    assertThat(back.features()).isEqualTo("random");
    assertThat(back.layers()).hasSize(3);
    assertThat(back.layers().get(1)).isInstanceOf(SquareLayer.class);
    double[] x = {1, -2, 0.5, 3, 0, 0.25, -1};
    assertThat(back.forward(x)).containsExactly(network.forward(x));
    assertThat(((DenseLayer) back.layers().get(0)).weights()).isDeepEqualTo(
        ((DenseLayer) network.layers().get(0)).weights());
  }

  @Test
  void forwardIsDenseSquareDense() {
    PolyNetwork network = new PolyNetwork(2, List.of(new DenseLayer(new double[][] {{1, 2}, {-1, 0}},
        new double[] {0.5, 1}), new SquareLayer(), new DenseLayer(new double[][] {{1, -1}}, new double[] {2})), "");
    // hidden (1 + 4 + 0.5, -1 + 1) = (5.5, 0); squares (30.25, 0); output 30.25 + 2
    assertThat(network.forward(new double[] {1, 2})).containsExactly(32.25);
  }

  @Test
  void otherVersionsAndMalformedNetworksAreRefused() {
    String json = PolyNetworkFormat.toJson(randomNetwork(3, 2, 2, 2));
    assertThatThrownBy(() -> PolyNetworkFormat.fromJson(json.replace("\"version\":1", "\"version\":2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> PolyNetworkFormat.fromJson(json.replace("trustml-poly-network", "other")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a");
    assertThatThrownBy(() -> PolyNetworkFormat.fromJson(json.replace("\"input-size\":3", "\"input-size\":4")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolyNetwork(2, List.of(new SquareLayer()), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with a dense layer");
  }
}
