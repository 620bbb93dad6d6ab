package org.trustml.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.JobWorker;
import org.trustml.core.testing.JobFixture;

/**
 * Claim throughput: N no-op jobs queued in one database, drained by 1, 2 or 4 workers (one claiming thread each);
 * jobs per second from the first claim to the last finish, every job claimed, run and finished with guarded writes.
 */
final class ClaimThroughput {

  /** A job that does nothing, so the measurement is the queue's cost alone. */
  static final class NoOp implements JobHandler<NoOp.Params> {
    record Params(int n) {}

    @Override
    public String type() {
      return "bench.noop";
    }

    @Override
    public Class<Params> paramsType() {
      return Params.class;
    }

    @Override
    public Object run(Params p, JobContext ctx) {
      return null;
    }
  }

  private ClaimThroughput() {}

  /** Jobs per second for {@code workers} workers draining {@code jobs} queued jobs. */
  static double measure(String jdbcUrl, int workers, int jobs) throws InterruptedException {
    JobFixture fx = new JobFixture(jdbcUrl, null);
    fx.jdbc.sql("TRUNCATE job CASCADE").update();
    fx.jdbc.sql("""
        INSERT INTO job (id, type, owner, state, params, seed, request_hash)
        SELECT gen_random_uuid(), 'bench.noop', 'bench', 'QUEUED', '{}'::jsonb, 1, repeat('0', 64)
          FROM generate_series(1, :n)""").param("n", jobs).update();
    fx.jdbc.sql("VACUUM ANALYZE job").update();
    List<JobWorker> list = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      list.add(fx.worker(JobFixture.workerConfig("bench-" + i, 1, Duration.ofMinutes(5), Duration.ofMinutes(1)),
          List.of(new NoOp())));
    }
    long t0 = System.nanoTime();
    list.forEach(JobWorker::start);
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (fx.jdbc.sql("SELECT count(*) FROM job WHERE state NOT IN ('SUCCEEDED', 'FAILED', 'CANCELLED')")
        .query(Long.class).single() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the queue did not drain in 10 minutes");
      }
      Thread.sleep(20);
    }
    long failed = fx.jdbc.sql("SELECT count(*) FROM job WHERE state <> 'SUCCEEDED'").query(Long.class).single();
    if (failed > 0) {
      throw new IllegalStateException(failed + " benchmark jobs did not succeed");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    list.forEach(JobWorker::stop);
    return jobs / seconds;
  }
}
