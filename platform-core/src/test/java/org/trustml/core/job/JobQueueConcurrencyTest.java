package org.trustml.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trustml.core.testing.CountingJob;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.core.testing.JobFixture;

/** Four workers share one queue of 200 jobs: each job runs exactly once and all of them finish. */
class JobQueueConcurrencyTest {

  @Test
  void fourWorkersRunTwoHundredJobsExactlyOnceEach() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(fx.enqueue("test.count", "{\"millis\":2}"));
    }
    Map<UUID, String> ranOn = new ConcurrentHashMap<>();
    List<CountingJob> handlers = new ArrayList<>();
    List<JobWorker> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      CountingJob handler = new CountingJob("w" + w, ranOn);
      handlers.add(handler);
      workers.add(fx.worker(JobFixture.workerConfig("w" + w, 2, Duration.ofSeconds(30), Duration.ofSeconds(5)),
          List.of(handler)));
    }
    workers.forEach(JobWorker::start);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> fx.jdbc
          .sql("SELECT count(*) FROM job WHERE state = 'SUCCEEDED'").query(Long.class).single() == 200);
    } finally {
      workers.forEach(JobWorker::stop);
    }
    Map<UUID, Integer> total = new HashMap<>();
    for (CountingJob h : handlers) {
      h.runs.forEach((id, n) -> total.merge(id, n.get(), Integer::sum));
    }
    assertThat(total).hasSize(200);
    assertThat(total.values()).allMatch(n -> n == 1);
    for (UUID id : ids) {
      assertThat(fx.attempt(id)).isEqualTo(1);
      assertThat(fx.repository.artifacts(id)).hasSize(1);
    }
    // the queue was shared: more than one worker did real work
    Map<String, AtomicInteger> perWorker = new HashMap<>();
    ranOn.values().forEach(w -> perWorker.computeIfAbsent(w, k -> new AtomicInteger()).incrementAndGet());
    assertThat(perWorker.size()).isGreaterThan(1);
    long events = fx.jdbc.sql("SELECT count(*) FROM job_event WHERE state = 'RUNNING'").query(Long.class).single();
    assertThat(events).isEqualTo(200);
  }

  @Test
  void aWorkerStoppingGracefullyHandsItsRunningJobBackWithoutCountingTheAttempt() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    UUID id = fx.enqueue("test.count", "{\"millis\":60000}");
    CountingJob slow = new CountingJob("leaving", new ConcurrentHashMap<>());
    JobWorker leaving = fx.worker(JobFixture.workerConfig("leaving", 1, Duration.ofSeconds(30),
        Duration.ofSeconds(5)), List.of(slow));
    leaving.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(fx.state(id)));
    leaving.stop();
    assertThat(fx.state(id)).isEqualTo("QUEUED");
    // the number stays used, so nothing the released attempt might still write can pass for the next one's
    assertThat(fx.attempt(id)).isEqualTo(1);
    assertThat(fx.jdbc.sql("SELECT released FROM job WHERE id = :id").param("id", id).query(Integer.class).single())
        .isEqualTo(1);

    fx.jdbc.sql("UPDATE job SET params = '{\"millis\":1}' WHERE id = :id").param("id", id).update();
    CountingJob quick = new CountingJob("staying", new ConcurrentHashMap<>());
    JobWorker staying = fx.worker(JobFixture.workerConfig("staying", 1, Duration.ofSeconds(30),
        Duration.ofSeconds(5)), List.of(quick));
    staying.start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(fx.state(id)));
    } finally {
      staying.stop();
    }
    assertThat(fx.attempt(id)).isEqualTo(2);
    assertThat(fx.repository.artifacts(id)).hasSize(1);
  }

  @Test
  void aQueuedJobKnowsHowManyRunBeforeIt() {
    JobFixture fx = new JobFixture(EmbeddedDatabase.newDatabase(), null);
    UUID first = fx.enqueue("test.count", "{}");
    UUID second = fx.enqueue("test.count", "{}");
    UUID third = fx.enqueue("test.count", "{}");
    assertThat(position(fx, first)).isZero();
    assertThat(position(fx, second)).isEqualTo(1);
    assertThat(position(fx, third)).isEqualTo(2);
    fx.jdbc.sql("UPDATE job SET priority = 5 WHERE id = :id").param("id", third).update();
    assertThat(position(fx, third)).isZero();
    assertThat(position(fx, first)).isEqualTo(1);
    fx.repository.claim(List.of("test.count"), "w", 60_000);
    assertThat(fx.repository.find(third, "tenant").orElseThrow().queuePosition()).isNull();
    assertThat(position(fx, first)).isZero();
  }

  private static long position(JobFixture fx, UUID id) {
    return fx.repository.find(id, "tenant").orElseThrow().queuePosition();
  }
}
