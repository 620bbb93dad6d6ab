package org.trustml.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.trustml.core.testing.CountingJob;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.core.testing.JobFixture;

/**
 * The queue on the PostgreSQL image that docker-compose runs, where a Docker engine exists. Skipped elsewhere: the
 * embedded PostgreSQL tests are the ones every build runs.
 */
@Tag("docker")
class JobQueueOnPostgresContainerTest {

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  @Test
  void jobsRunExactlyOnceOnTheComposePostgresImage() {
    assumeTrue(dockerAvailable(), "skipped: no Docker engine here; the embedded PostgreSQL tests cover the queue");
    try (PostgreSQLContainer pg = new PostgreSQLContainer("postgres:18")
        .withUsername(EmbeddedDatabase.user()).withPassword(EmbeddedDatabase.password())) {
      pg.start();
      JobFixture fx = new JobFixture(pg.getJdbcUrl(), null);
      List<UUID> ids = java.util.stream.IntStream.range(0, 20)
          .mapToObj(i -> fx.enqueue("test.count", "{}")).toList();
      CountingJob handler = new CountingJob("w", new ConcurrentHashMap<>());
      JobWorker worker = fx.worker(JobFixture.workerConfig("w", 2, Duration.ofSeconds(30), Duration.ofSeconds(5)),
          List.of(handler));
      worker.start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> "SUCCEEDED".equals(fx.state(id))));
      } finally {
        worker.stop();
      }
      assertThat(handler.runs.values()).allMatch(n -> n.get() == 1);
    }
  }
}
