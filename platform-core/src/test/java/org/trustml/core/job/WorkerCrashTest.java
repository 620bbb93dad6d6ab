package org.trustml.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.testing.CountingJob;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.core.testing.JobFixture;
import org.trustml.core.testing.WorkerProcessMain;

/**
 * A worker process is killed (SIGKILL) in the middle of a job. The job's lease expires, the reaper puts it back in
 * the queue, and another worker finishes it exactly once; the dead attempt leaves nothing in the job's outputs.
 */
class WorkerCrashTest {

  @TempDir Path artifacts;

  @Test
  void aJobOfAKilledWorkerIsRequeuedAfterItsLeaseAndCompletesOnce() throws Exception {
    String url = EmbeddedDatabase.newDatabase();
    JobFixture fx = new JobFixture(url, artifacts);
    UUID id = fx.enqueue("test.count", "{\"millis\":600000}");

    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("doomed-worker", ".log");
    Process doomed = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
        WorkerProcessMain.class.getName(), url, artifacts.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(fx.state(id)));
      String claimedBy = fx.jdbc.sql("SELECT claimed_by FROM job WHERE id = :id").param("id", id)
          .query(String.class).single();
      assertThat(claimedBy).isEqualTo("doomed-worker");
    } finally {
      doomed.destroyForcibly();
      doomed.waitFor();
    }
    assertThat(doomed.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    // a surviving worker with its own reaper: the job comes back once the dead worker's 3 s lease runs out
    Map<UUID, String> ranOn = new ConcurrentHashMap<>();
    CountingJob survivorHandler = new CountingJob("survivor", ranOn);
    JobWorker survivor = fx.worker(JobFixture.workerConfig("survivor", 1, Duration.ofSeconds(3),
        Duration.ofSeconds(1)), List.of(survivorHandler));
    JobReaper reaper = fx.reaper(200);
    // the survivor's handler must not sleep ten minutes: make the retried job quick
    fx.jdbc.sql("UPDATE job SET params = '{\"millis\":10}' WHERE id = :id").param("id", id).update();
    long t0 = System.nanoTime();
    reaper.start();
    survivor.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(fx.state(id)));
    } finally {
      survivor.stop();
      reaper.stop();
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertThat(seconds).isLessThan(15);
    assertThat(fx.attempt(id)).isEqualTo(2);
    assertThat(survivorHandler.runs.get(id).get()).isEqualTo(1);
    assertThat(ranOn.get(id)).isEqualTo("survivor");
    List<String> history = fx.repository.history(id).stream().map(e -> e.state() + ":" + e.message()).toList();
    assertThat(history).containsSubsequence("RUNNING:attempt 1 on doomed-worker", "QUEUED:lease expired",
        "RUNNING:attempt 2 on survivor", "SUCCEEDED:succeeded");
    assertThat(fx.repository.artifacts(id)).singleElement()
        .satisfies(a -> assertThat(new String(fx.artifacts.readAllBytes(a.sha256()))).isEqualTo(id.toString()));
    new File(out.toString()).delete();
  }

  @Test
  void aJobWhoseAttemptsAreSpentFailsWithTheReason() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    UUID id = fx.enqueue("test.count", "{}");
    fx.jdbc.sql("UPDATE job SET state = 'RUNNING', attempt = 3, claimed_by = 'gone', "
        + "lease_until = now() - interval '1 second' WHERE id = :id").param("id", id).update();
    assertThat(fx.reaper(1000).reapOnce()).isEqualTo(1);
    assertThat(fx.state(id)).isEqualTo("FAILED");
    String error = fx.jdbc.sql("SELECT error->>'type' FROM job WHERE id = :id").param("id", id)
        .query(String.class).single();
    assertThat(error).isEqualTo("urn:trustml:problem:lease-expired");
  }

  @Test
  void aWorkerThatLostItsLeaseCannotOverwriteTheJob() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    UUID id = fx.enqueue("test.count", "{}");
    ClaimedJob first = fx.repository.claim(List.of("test.count"), "a", 60_000).orElseThrow();
    fx.jdbc.sql("UPDATE job SET lease_until = now() - interval '1 second' WHERE id = :id").param("id", id).update();
    fx.reaper(1000).reapOnce();
    ClaimedJob second = fx.repository.claim(List.of("test.count"), "b", 60_000).orElseThrow();
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(fx.repository.heartbeat(id, "a", first.attempt(), 60_000, new JobProgress(0.5, "x"))).isEmpty();
    org.trustml.core.artifact.ArtifactRef stale = fx.artifacts.putText("stale", "text/plain", "out.txt");
    assertThat(fx.repository.recordArtifact(id, "a", first.attempt(), stale)).isFalse();
    fx.repository.appendLog(id, "a", first.attempt(), "from the past");
    assertThat(fx.repository.finish(id, "a", first.attempt(), JobState.SUCCEEDED, "{}", null, "{}", "{}", "late"))
        .isEmpty();
    assertThat(fx.repository.finish(id, "b", second.attempt(), JobState.SUCCEEDED, "{}", null, "{}", "{}", "ok"))
        .contains(JobState.SUCCEEDED);
    assertThat(fx.state(id)).isEqualTo("SUCCEEDED");
    assertThat(fx.repository.artifacts(id)).isEmpty();
    assertThat(fx.repository.logs(id)).isEmpty();
  }

  @Test
  void aJobWhoseCancellationWasRequestedEndsCancelledEvenIfItsHandlerSucceeded() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    UUID id = fx.enqueue("test.count", "{}");
    ClaimedJob claimed = fx.repository.claim(List.of("test.count"), "w", 60_000).orElseThrow();
    assertThat(fx.repository.requestCancel(id, "tenant")).contains(JobState.CANCELLING);
    assertThat(fx.repository.finish(id, "w", claimed.attempt(), JobState.SUCCEEDED, "{\"x\":1}", null, "{}", "{}",
        "succeeded")).contains(JobState.CANCELLED);
    Job job = fx.repository.find(id, "tenant").orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.CANCELLED);
    assertThat(job.result()).isNull();
  }
}
