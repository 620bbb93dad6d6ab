package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Analytic dL/dpoints against central differences (h = 1e-6) of scalar losses of the diagram. */
class PersistenceGradientsTest {

  static final double H = 1e-6;

  /** Σ H1 persistence + Σ finite H0 deaths. */
  static double totalPersistence(PersistenceDiagram d) {
    double loss = 0;
    for (int k = 0; k < d.h1().size(); k++) {
      loss += d.h1().persistence(k);
    }
    for (int k = 0; k < d.h0().size(); k++) {
      loss += d.h0().isEssential(k) ? 0 : d.h0().death(k);
    }
    return loss;
  }

  static double[] totalPersistenceGradient(PointCloud p, PersistenceDiagram d) {
    PairGradients h0 = PairGradients.zeros(d.h0());
    PairGradients h1 = PairGradients.zeros(d.h1());
    for (int k = 0; k < d.h0().size(); k++) {
      h0.dDeath()[k] = 1;
    }
    for (int k = 0; k < d.h1().size(); k++) {
      h1.dBirth()[k] = -1;
      h1.dDeath()[k] = 1;
    }
    return PersistenceGradients.pointGradients(p, d, h0, h1);
  }

  /** Σ H1 persistence² + Σ finite H0 deaths²: upstream gradients that differ per pair. */
  static double squaredPersistence(PersistenceDiagram d) {
    double loss = 0;
    for (int k = 0; k < d.h1().size(); k++) {
      loss += d.h1().persistence(k) * d.h1().persistence(k);
    }
    for (int k = 0; k < d.h0().size(); k++) {
      loss += d.h0().isEssential(k) ? 0 : d.h0().death(k) * d.h0().death(k);
    }
    return loss;
  }

  static double[] squaredPersistenceGradient(PointCloud p, PersistenceDiagram d) {
    PairGradients h0 = PairGradients.zeros(d.h0());
    PairGradients h1 = PairGradients.zeros(d.h1());
    for (int k = 0; k < d.h0().size(); k++) {
      h0.dDeath()[k] = d.h0().isEssential(k) ? 0 : 2 * d.h0().death(k);
    }
    for (int k = 0; k < d.h1().size(); k++) {
      h1.dBirth()[k] = -2 * d.h1().persistence(k);
      h1.dDeath()[k] = 2 * d.h1().persistence(k);
    }
    return PersistenceGradients.pointGradients(p, d, h0, h1);
  }

  static double[] centralDifferences(PointCloud p, ToDoubleFunction<PersistenceDiagram> loss) {
    double[] x = p.toRowMajor();
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double saved = x[i];
      x[i] = saved + H;
      double up = loss.applyAsDouble(diagram(PointCloud.ofRowMajor(x, p.dimension())));
      x[i] = saved - H;
      double down = loss.applyAsDouble(diagram(PointCloud.ofRowMajor(x, p.dimension())));
      x[i] = saved;
      g[i] = (up - down) / (2 * H);
    }
    return g;
  }

  static PersistenceDiagram diagram(PointCloud p) {
    return VietorisRipsPersistence.compute(p, RipsParams.h0h1());
  }

  static void assertClose(double[] analytic, double[] numeric) {
    double norm = 0;
    double error = 0;
    for (int i = 0; i < analytic.length; i++) {
      norm += analytic[i] * analytic[i];
      error += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
    }
    assertThat(norm).isPositive();
    assertThat(Math.sqrt(error / norm)).isLessThan(Tolerances.FINITE_DIFFERENCE_RELATIVE);
  }

  @Test
  void totalPersistenceGradientMatchesCentralDifferences() {
    PointCloud p = Clouds.noisyCircle(new Random(345), 40, 2, 0.1);
    PersistenceDiagram d = diagram(p);
    assertThat(d.h1().size()).isPositive();

    assertClose(totalPersistenceGradient(p, d), centralDifferences(p, PersistenceGradientsTest::totalPersistence));
  }

  @Test
  void squaredPersistenceGradientMatchesCentralDifferencesInThreeDimensions() {
    PointCloud p = Clouds.noisyCircle(new Random(346), 35, 3, 0.15);
    PersistenceDiagram d = diagram(p);
    assertThat(d.h1().size()).isPositive();

    assertClose(squaredPersistenceGradient(p, d),
        centralDifferences(p, PersistenceGradientsTest::squaredPersistence));
  }

  @Test
  void onlyEndpointsOfCriticalEdgesReceiveGradient() {
    PointCloud p = PointCloud.of(new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}});
    PersistenceDiagram d = diagram(p);
    PairGradients h1 = PairGradients.zeros(d.h1());
    double[] g = PersistenceGradients.pointGradients(p, d, PairGradients.zeros(d.h0()), h1);

    assertThat(g).containsOnly(0.0);
  }

  @Test
  void mismatchedGradientCountIsRejected() {
    PointCloud p = Clouds.circle(8, 1);
    PersistenceDiagram d = diagram(p);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> PersistenceGradients.pointGradients(p, d, new PairGradients(new double[1], new double[1]),
            PairGradients.zeros(d.h1())))
        .withMessageContaining("H0 has 8 pairs");
  }
}
