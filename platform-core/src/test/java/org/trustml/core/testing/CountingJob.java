package org.trustml.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;

/** Counts how often each job ran, and which worker ran it, to prove exactly-once execution. */
public class CountingJob implements JobHandler<CountingJob.Params> {

  public record Params(long millis) {}

  public final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final String worker;
  public final Map<UUID, String> ranOn;

  public CountingJob(String worker, Map<UUID, String> ranOn) {
    this.worker = worker;
    this.ranOn = ranOn;
  }

  @Override
  public String type() {
    return "test.count";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public Object run(Params p, JobContext ctx) throws InterruptedException {
    runs.computeIfAbsent(ctx.jobId(), k -> new AtomicInteger()).incrementAndGet();
    ranOn.put(ctx.jobId(), worker);
    if (p.millis() > 0) {
      Thread.sleep(p.millis());
    }
    ctx.writeArtifact("out.txt", "text/plain", ctx.jobId().toString().getBytes(StandardCharsets.UTF_8));
    return Map.of("worker", worker);
  }
}
