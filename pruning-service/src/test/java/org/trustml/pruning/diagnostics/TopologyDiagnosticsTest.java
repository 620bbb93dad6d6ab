package org.trustml.pruning.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TopologyDiagnosticsTest {

  /** Class "ring": a noisy circle of radius 2 (300 points); class "blob": a Gaussian (120 points); in R^3. */
  static TopologyDiagnostics.Input ringAndBlob(boolean withKept) {
    Random r = new Random(2);
    int n = 420;
    double[] u = new double[n * 3];
    int[] labels = new int[n];
    double[] scores = new double[n];
    boolean[] kept = withKept ? new boolean[n] : null;
    for (int i = 0; i < n; i++) {
      labels[i] = i < 300 ? 1 : 0;
      if (labels[i] == 1) {
        double a = 2 * Math.PI * r.nextDouble();
        u[3 * i] = 2 * Math.cos(a) + 0.05 * r.nextGaussian();
        u[3 * i + 1] = 2 * Math.sin(a) + 0.05 * r.nextGaussian();
        u[3 * i + 2] = 0.05 * r.nextGaussian();
      } else {
        for (int k = 0; k < 3; k++) {
          u[3 * i + k] = 10 + 0.5 * r.nextGaussian();
        }
      }
      scores[i] = r.nextDouble();
      if (kept != null) {
        kept[i] = scores[i] > 0.7;
      }
    }
    ManifoldEmbedding m = new ManifoldEmbedding(u, 3, u.clone(), 3);
    return new TopologyDiagnostics.Input(m, labels, List.of("blob", "ring"), scores, kept, true);
  }

  @Test
  void theRingClassHasOneLongCycleTheBlobNoneAndTheCountsAddUp() throws IOException {
    TopologyDiagnostics.Input in = ringAndBlob(true);
    List<String> stages = new ArrayList<>();
    DiagnosticsParams params = new DiagnosticsParams(100, 10, 200, 32, DiagnosticsParams.Space.MANIFOLD);
    DiagnosticsReport report = TopologyDiagnostics.run(in, params, 5, (f, s) -> stages.add(s));
    assertThat(report.classes()).hasSize(2);
    DiagnosticsReport.ClassReport blob = report.classes().get(0);
    DiagnosticsReport.ClassReport ring = report.classes().get(1);
    assertThat(blob.label()).isEqualTo("blob");
    assertThat(ring.samples()).isEqualTo(300);
    assertThat(ring.landmarks()).isEqualTo(100);
    assertThat(blob.landmarks()).isEqualTo(100);
    assertThat(ring.coveringRadius()).isPositive().isLessThan(0.2);
    assertThat(ring.bottleneckBound()).isEqualTo(2 * ring.coveringRadius());

    // one cycle born near the sample spacing and dying near √3 · 2: much longer than any other bar, and than the
    // landmarks' error bound
    double[][] cycles = ring.h1().finite();
    double longest = ring.h1().longest();
    assertThat(longest).isGreaterThan(2.5).isGreaterThan(10 * ring.bottleneckBound());
    assertThat(java.util.Arrays.stream(cycles).filter(b -> b[1] - b[0] > 0.5).count()).isEqualTo(1);
    assertThat(blob.h1().longest()).isLessThan(0.5);
    assertThat(ring.h0().essential()).containsExactly(0.0);
    assertThat(ring.h0().finite().length).isEqualTo(99);
    // β1 = 1 across the middle of the long bar
    int mid = java.util.Arrays.stream(ring.betti().radii()).boxed().toList().indexOf(
        java.util.Arrays.stream(ring.betti().radii()).filter(e -> e > 1.5).findFirst().orElseThrow());
    assertThat(ring.betti().beta1()[mid]).isEqualTo(1);
    assertThat(ring.betti().beta0()[mid]).isEqualTo(1);

    int keptTotal = 0;
    for (int i = 0; i < in.labels().length; i++) {
      keptTotal += in.kept()[i] ? 1 : 0;
    }
    assertThat(blob.kept() + ring.kept()).isEqualTo(keptTotal);
    for (DiagnosticsReport.ClassReport c : report.classes()) {
      assertThat(java.util.Arrays.stream(c.histogram().total()).sum()).isEqualTo(c.samples());
      assertThat(java.util.Arrays.stream(c.histogram().kept()).sum()).isEqualTo(c.kept());
    }
    assertThat(report.map().ids()).hasSize(200);
    assertThat(stages).hasSize(3).last().isEqualTo("2-D map");

    // the latent space gives the same here (identity manifold); a class's result ignores the other classes
    DiagnosticsReport latent = TopologyDiagnostics.run(in, new DiagnosticsParams(100, 10, 200, 32,
        DiagnosticsParams.Space.LATENT), 5, TopologyDiagnostics.Listener.NONE);
    assertThat(latent.space()).isEqualTo("latent");
    assertThat(latent.classes().get(1).h1().finite()).isDeepEqualTo(cycles);

    // JSON as the job writes it, and the PNG decodes
    JsonNode json = JsonMapper.builder().build().valueToTree(report);
    assertThat(json.get("classes").get(1).get("h1").get("finite").size()).isEqualTo(cycles.length);
    assertThat(json.get("classes").get(1).get("betti").get("beta1").size()).isEqualTo(32);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(DiagnosticsPlot.png(report, "test")));
    assertThat(png.getWidth()).isEqualTo(DiagnosticsPlot.COLUMNS * DiagnosticsPlot.CELL_WIDTH);
    assertThat(png.getHeight()).isGreaterThan(2 * DiagnosticsPlot.CELL_HEIGHT);
  }

  @Test
  void theSameSeedGivesTheSameReportOnAnyThreadCountAndNoSelectionLeavesKeptOut() {
    TopologyDiagnostics.Input in = ringAndBlob(false);
    DiagnosticsParams params = new DiagnosticsParams(40, 5, 50, 16, DiagnosticsParams.Space.MANIFOLD);
    DiagnosticsReport a = TopologyDiagnostics.run(in, params, 9, TopologyDiagnostics.Listener.NONE);
    DiagnosticsReport b = TopologyDiagnostics.run(in, params, 9, 3, TopologyDiagnostics.Listener.NONE);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode ja = json.valueToTree(a);
    JsonNode jb = json.valueToTree(b);
    for (JsonNode c : List.of(ja, jb)) {
      for (JsonNode cls : c.get("classes")) {
        ((tools.jackson.databind.node.ObjectNode) cls).remove("seconds");
      }
    }
    assertThat(ja).isEqualTo(jb);
    assertThat(a.classes().get(0).kept()).isNull();
    assertThat(a.classes().get(0).histogram().kept()).isNull();
    assertThat(a.map().kept()).isNull();
    assertThat(DiagnosticsPlot.png(a, "no selection")).isNotEmpty();
  }
}
