package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.job.JobCancelledException;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobProgress;
import org.trustml.core.testing.RecordingJobContext;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;

/** The score job's progress: every stage with its sample count, never backwards, and cancellation mid-stage. */
class ScoreProgressTest {

  static final SyntheticEmbeddings DATA = new SyntheticEmbeddings(30, 1);
  static final ManifoldParams MANIFOLD = ManifoldParams.defaults(3).withUmap(UmapParams.defaults(3).withEpochs(40))
      .withThreads(2);
  static final LocalScoreParams LOCAL = LocalScoreParams.defaults().withPatchK(6).withThreads(2);

  static void score(JobContext ctx) {
    ScoreProgress progress = new ScoreProgress(ctx, DATA.size());
    ManifoldEmbedding m = ManifoldStage.run(DATA.doubles(), SyntheticEmbeddings.DIMENSION, DATA.labels, MANIFOLD,
        progress);
    StructuralComplexityScorer.score(m, DATA.labels, MANIFOLD.scope(), LOCAL, 3, progress::patchDone);
  }

  @Test
  void reportsEveryStageWithItsSampleCountAndNeverGoesBack() {
    RecordingJobContext ctx = RecordingJobContext.recording(ScoreJob.TYPE, 1);
    score(ctx);
    List<String> stages = ctx.reports().stream().map(JobProgress::stage).toList();
    assertThat(stages).contains("kNN graph: 90/90 samples", "fuzzy set: 90/90 samples",
        "layout: 90/90 samples laid out", "local persistence: 90/90 patches");
    assertThat(stages.get(stages.size() - 1)).isEqualTo("local persistence: 90/90 patches");
    for (int i = 1; i < ctx.reports().size(); i++) {
      assertThat(ctx.reports().get(i).fraction()).isGreaterThanOrEqualTo(ctx.reports().get(i - 1).fraction());
    }
    double afterLayout = ctx.reports().stream().filter(r -> r.stage().startsWith("layout: 90/90")).findFirst()
        .orElseThrow().fraction();
    assertThat(afterLayout).isCloseTo(ScoreProgress.MANIFOLD_DONE, within(1e-9));
    assertThat(ctx.reports().get(ctx.reports().size() - 1).fraction()).isCloseTo(ScoreProgress.LOCAL_DONE,
        within(1e-9));
  }

  @Test
  void aCancelledJobStopsInsideTheLayoutAndInsideTheLocalStage() {
    RecordingJobContext duringLayout = RecordingJobContext.cancelAtStage(ScoreJob.TYPE, 1,
        stage -> stage.startsWith("layout"));
    assertThatThrownBy(() -> score(duringLayout)).isInstanceOf(JobCancelledException.class);
    assertThat(duringLayout.reports()).noneMatch(r -> r.stage().startsWith("local persistence"));

    RecordingJobContext duringLocal = RecordingJobContext.cancelAtStage(ScoreJob.TYPE, 1,
        stage -> stage.startsWith("local persistence"));
    assertThatThrownBy(() -> score(duringLocal)).isInstanceOf(JobCancelledException.class);
    assertThat(duringLocal.reports()).noneMatch(r -> r.stage().equals("local persistence: 90/90 patches"));
  }
}
