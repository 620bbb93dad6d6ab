package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.job.JobCancelledException;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobProgress;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;

/** The score job's progress: every stage with its sample count, never backwards, and cancellation mid-stage. */
class ScoreProgressTest {

  /** Records progress; asks to cancel once {@code cancelWhen} matches a reported stage. */
  static final class Recording implements JobContext {
    final List<JobProgress> reports = new ArrayList<>();
    final Predicate<String> cancelWhen;
    volatile boolean cancelled;

    Recording(Predicate<String> cancelWhen) {
      this.cancelWhen = cancelWhen;
    }

    @Override
    public synchronized void progress(double fraction, String stage) {
      reports.add(new JobProgress(fraction, stage));
      cancelled |= cancelWhen.test(stage);
    }

    @Override
    public boolean cancellationRequested() {
      return cancelled;
    }

    @Override
    public UUID jobId() {
      return new UUID(0, 1);
    }

    @Override
    public String type() {
      return ScoreJob.TYPE;
    }

    @Override
    public String owner() {
      return "test";
    }

    @Override
    public long seed() {
      return 1;
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public void log(String line) {}

    @Override
    public ArtifactRef writeArtifact(String name, String mediaType, InputStream data) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ArtifactStore artifacts() {
      throw new UnsupportedOperationException();
    }

    @Override
    public CatalogClient catalog() {
      throw new UnsupportedOperationException();
    }
  }

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
    Recording ctx = new Recording(stage -> false);
    score(ctx);
    List<String> stages = ctx.reports.stream().map(JobProgress::stage).toList();
    assertThat(stages).contains("kNN graph: 90/90 samples", "fuzzy set: 90/90 samples",
        "layout: 90/90 samples laid out", "local persistence: 90/90 patches");
    assertThat(stages.get(stages.size() - 1)).isEqualTo("local persistence: 90/90 patches");
    for (int i = 1; i < ctx.reports.size(); i++) {
      assertThat(ctx.reports.get(i).fraction()).isGreaterThanOrEqualTo(ctx.reports.get(i - 1).fraction());
    }
    double afterLayout = ctx.reports.stream().filter(r -> r.stage().startsWith("layout: 90/90")).findFirst()
        .orElseThrow().fraction();
    assertThat(afterLayout).isCloseTo(ScoreProgress.MANIFOLD_DONE, within(1e-9));
    assertThat(ctx.reports.get(ctx.reports.size() - 1).fraction()).isCloseTo(ScoreProgress.LOCAL_DONE,
        within(1e-9));
  }

  @Test
  void aCancelledJobStopsInsideTheLayoutAndInsideTheLocalStage() {
    Recording duringLayout = new Recording(stage -> stage.startsWith("layout"));
    assertThatThrownBy(() -> score(duringLayout)).isInstanceOf(JobCancelledException.class);
    assertThat(duringLayout.reports).noneMatch(r -> r.stage().startsWith("local persistence"));

    Recording duringLocal = new Recording(stage -> stage.startsWith("local persistence"));
    assertThatThrownBy(() -> score(duringLocal)).isInstanceOf(JobCancelledException.class);
    assertThat(duringLocal.reports).noneMatch(r -> r.stage().equals("local persistence: 90/90 patches"));
  }
}
