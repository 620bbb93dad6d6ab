package org.trustml.core.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker in its own JVM, for the crash test: it claims jobs from the given database and runs them until the test
 * kills the process (SIGKILL, no shutdown hooks, no chance to hand anything back).
 */
public final class WorkerProcessMain {

  private WorkerProcessMain() {}

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    Path artifacts = Path.of(args[1]);
    JobFixture fixture = new JobFixture(jdbcUrl, artifacts);
    var worker = fixture.worker(
        JobFixture.workerConfig("doomed-worker", 1, Duration.ofSeconds(3), Duration.ofSeconds(1)),
        List.of(new CountingJob("doomed-worker", new ConcurrentHashMap<>(Map.of()))));
    worker.start();
    System.out.println("worker started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
