package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.job.JobCancelledException;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobProgress;
import org.trustml.core.testing.RecordingJobContext;
import org.trustml.pruning.diagnostics.DiagnosticsParams;
import org.trustml.pruning.diagnostics.TopologyDiagnostics;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;

/** The diagnose job's progress: the manifold's layout, then one stage per class and the map, never backwards. */
class DiagnoseProgressTest {

  static final SyntheticEmbeddings DATA = new SyntheticEmbeddings(30, 1);
  static final ManifoldParams MANIFOLD = ManifoldParams.defaults(3).withUmap(UmapParams.defaults(3).withEpochs(40))
      .withThreads(2);

  static void diagnose(JobContext ctx) {
    DiagnoseProgress progress = new DiagnoseProgress(ctx, DATA.size());
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, MANIFOLD,
        progress);
    TopologyDiagnostics.run(new TopologyDiagnostics.Input(m, DATA.labels, List.of("a", "b", "ring"),
        new double[DATA.size()], null, true), new DiagnosticsParams(20, 4, 50, 8, DiagnosticsParams.Space.MANIFOLD),
        5, 2, progress);
  }

  @Test
  void reportsTheLayoutEachClassAndTheMapInOrder() {
    RecordingJobContext ctx = RecordingJobContext.recording(DiagnoseJob.TYPE, 1);
    diagnose(ctx);
    List<String> stages = ctx.reports().stream().map(JobProgress::stage).toList();
    assertThat(stages.get(0)).startsWith("manifold as the score job computed it: layout");
    assertThat(stages.stream().filter(s -> s.startsWith("class ")).toList()).containsExactly(
        "class a (1/3): landmarks and persistence of 30 samples",
        "class b (2/3): landmarks and persistence of 30 samples",
        "class ring (3/3): landmarks and persistence of 30 samples");
    assertThat(stages.get(stages.size() - 1)).isEqualTo("2-D map");
    for (int i = 1; i < ctx.reports().size(); i++) {
      assertThat(ctx.reports().get(i).fraction()).isGreaterThanOrEqualTo(ctx.reports().get(i - 1).fraction());
    }
    assertThat(ctx.reports().get(ctx.reports().size() - 1).fraction()).isLessThan(DiagnoseProgress.CLASSES_DONE);
  }

  @Test
  void aCancelledJobStopsBetweenClasses() {
    RecordingJobContext ctx = RecordingJobContext.cancelAtStage(DiagnoseJob.TYPE, 1,
        stage -> stage.startsWith("class b"));
    assertThatThrownBy(() -> diagnose(ctx)).isInstanceOf(JobCancelledException.class);
    assertThat(ctx.reports()).noneMatch(r -> r.stage().startsWith("class ring") || r.stage().equals("2-D map"));
  }
}
