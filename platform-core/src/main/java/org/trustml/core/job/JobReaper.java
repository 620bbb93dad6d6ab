package org.trustml.core.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.metrics.JobMetrics;

/**
 * Takes back jobs whose worker stopped renewing its lease (a crash, a kill, a lost network), and refreshes the
 * queue-depth gauge. Runs on every replica; the reaping statement skips rows another replica is reaping.
 */
public class JobReaper {

  private static final Logger log = LoggerFactory.getLogger(JobReaper.class);

  private final JobRepository repository;
  private final JobMetrics metrics;
  private final long intervalMillis;
  private final long backoffMillis;
  private ScheduledExecutorService timer;

  public JobReaper(JobRepository repository, JobMetrics metrics, long intervalMillis, long backoffMillis) {
    this.repository = repository;
    this.metrics = metrics;
    this.intervalMillis = intervalMillis;
    this.backoffMillis = backoffMillis;
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trustml-job-reaper");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::safeReap, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  private void safeReap() {
    try {
      reapOnce();
    } catch (RuntimeException e) {
      log.warn("reaper pass failed: {}", e.toString());
    }
  }

  /** One pass; returns how many jobs changed state. */
  public int reapOnce() {
    var reaped = repository.reapExpiredLeases(backoffMillis);
    for (var r : reaped) {
      log.warn("job {} ({}) lease expired: now {}", r.id(), r.type(), r.state());
      metrics.leaseExpired(r.type(), r.state().name());
    }
    metrics.resetQueueDepths();
    for (JobRepository.QueueDepth depth : repository.queueDepthByType()) {
      metrics.queueDepth(depth.type(), depth.queued());
    }
    return reaped.size();
  }
}
