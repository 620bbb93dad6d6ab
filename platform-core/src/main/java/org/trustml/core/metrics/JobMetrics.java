package org.trustml.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The job meters of one service; tags are low-cardinality (type, outcome), never a job id. */
public class JobMetrics {

  private final MeterRegistry registry;
  private final String service;
  private final Map<String, AtomicLong> queueDepth = new ConcurrentHashMap<>();

  public JobMetrics(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
  }

  /** @param outcome created, replayed or rejected */
  public void submitted(String type, String outcome) {
    Counter.builder("trustml.jobs.submitted").tag("service", service).tag("type", type).tag("outcome", outcome)
        .register(registry).increment();
  }

  /** A job attempt ended; {@code outcome} is the final state or {@code lost} when the lease was gone. */
  public void finished(String type, String outcome, Duration runTime) {
    Counter.builder("trustml.jobs.finished").tag("service", service).tag("type", type).tag("outcome", outcome)
        .register(registry).increment();
    Timer.builder("trustml.jobs.duration").tag("service", service).tag("type", type).tag("outcome", outcome)
        .publishPercentileHistogram().register(registry).record(runTime);
  }

  public void queueWait(String type, Duration wait) {
    Timer.builder("trustml.jobs.queue.wait").tag("service", service).tag("type", type).register(registry)
        .record(wait);
  }

  public void leaseExpired(String type, String outcome) {
    Counter.builder("trustml.jobs.lease.expired").tag("service", service).tag("type", type).tag("outcome", outcome)
        .register(registry).increment();
  }

  /** Sets the number of queued jobs of a type, as last read from the database. */
  public void queueDepth(String type, long depth) {
    queueDepth.computeIfAbsent(type, t -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder("trustml.jobs.queue.depth", holder, AtomicLong::get).tag("service", service).tag("type", t)
          .register(registry);
      return holder;
    }).set(depth);
  }

  public void resetQueueDepths() {
    queueDepth.values().forEach(v -> v.set(0));
  }
}
