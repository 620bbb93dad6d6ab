package org.trustml.pruning.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobState;
import org.trustml.core.web.ProblemException;

/** Which jobs a diagnosis accepts, and the kept ids it reads; every refusal names the parameter. */
class DiagnosisInputsTest {

  static Job job(UUID id, String type, JobState state) {
    return new Job(id, "pruning", type, "t", state, null, 1, 0, 1, 3, false, null, null, null, null, null, null,
        null, null, List.of(), List.of(), null);
  }

  static void refused(Runnable call, String code, String field, String detail) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.properties()).containsEntry("field", field);
      assertThat(e.getMessage()).contains(detail);
    });
  }

  @Test
  void onlyASucceededJobOfTheTypeAndTenantIsAccepted() {
    JobRepository jobs = mock(JobRepository.class);
    UUID running = UUID.randomUUID();
    UUID select = UUID.randomUUID();
    UUID done = UUID.randomUUID();
    given(jobs.find(any(), any())).willReturn(Optional.empty());
    given(jobs.find(eq(running), eq("t"))).willReturn(Optional.of(job(running, ScoreJob.TYPE, JobState.RUNNING)));
    given(jobs.find(eq(select), eq("t"))).willReturn(Optional.of(job(select, SelectJob.TYPE, JobState.SUCCEEDED)));
    given(jobs.find(eq(done), eq("t"))).willReturn(Optional.of(job(done, ScoreJob.TYPE, JobState.SUCCEEDED)));
    String f = DiagnosisInputs.SCORES;
    refused(() -> DiagnosisInputs.succeeded(jobs, "t", running.toString(), ScoreJob.TYPE, "unknown-scores", f),
        "unknown-scores", f, "is RUNNING; it can be diagnosed once it SUCCEEDED");
    refused(() -> DiagnosisInputs.succeeded(jobs, "t", select.toString(), ScoreJob.TYPE, "unknown-scores", f),
        "unknown-scores", f, "is a pruning.select job, not pruning.score");
    // another tenant's job is not found
    refused(() -> DiagnosisInputs.succeeded(jobs, "other", done.toString(), ScoreJob.TYPE, "unknown-scores", f),
        "unknown-scores", f, "no job " + done);
    refused(() -> DiagnosisInputs.succeeded(jobs, "t", "12", ScoreJob.TYPE, "unknown-scores", f), "unknown-scores",
        f, "'12' is not a job id");
    assertThat(DiagnosisInputs.succeeded(jobs, "t", done.toString(), ScoreJob.TYPE, "unknown-scores", f).id())
        .isEqualTo(done);
    refused(() -> DiagnosisInputs.artifact(job(done, ScoreJob.TYPE, JobState.SUCCEEDED), "scores.csv",
        "unknown-scores", f), "unknown-scores", f, "has no scores.csv");
  }

  @Test
  void keptIdsBecomeFlagsAndIdsOutsideTheDataOrRepeatedAreRefused() throws Exception {
    ArtifactStore store = mock(ArtifactStore.class);
    byte[] good = NpyWriter.int64(new int[] {0, 3, 4});
    byte[] outside = NpyWriter.int64(new int[] {1, 5});
    byte[] twice = NpyWriter.int64(new int[] {2, 2});
    given(store.open(sha("good"))).willAnswer(i -> new java.io.ByteArrayInputStream(good));
    given(store.open(sha("outside"))).willAnswer(i -> new java.io.ByteArrayInputStream(outside));
    given(store.open(sha("twice"))).willAnswer(i -> new java.io.ByteArrayInputStream(twice));
    assertThat(DiagnosisInputs.kept(store, ref("good"), 5, "j")).containsExactly(true, false, false, true, true);
    refused(() -> kept(store, "outside"), "selection-mismatch", DiagnosisInputs.SELECTION, "kept sample 5; the "
        + "embeddings have 5 samples");
    refused(() -> kept(store, "twice"), "selection-mismatch", DiagnosisInputs.SELECTION, "kept sample 2 twice");
  }

  /** A distinct well-formed digest per name. */
  static String sha(String name) {
    return String.valueOf((char) ('a' + name.length() % 6)).repeat(64);
  }

  static ArtifactRef ref(String name) {
    return new ArtifactRef(sha(name), 0, "application/x-npy", "kept.npy");
  }

  static void kept(ArtifactStore store, String sha) {
    try {
      DiagnosisInputs.kept(store, ref(sha), 5, "j");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
