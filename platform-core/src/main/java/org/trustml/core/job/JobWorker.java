package org.trustml.core.job;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.config.TrustmlProperties;
import org.trustml.core.metrics.JobMetrics;
import org.trustml.core.web.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims jobs of this service's types and runs them: a fixed number of threads, each claiming one job at a time with
 * {@code FOR UPDATE SKIP LOCKED}, a heartbeat that renews leases, and a fast check for cancellations. Any number of
 * workers, in any number of processes, may share one database; each job is finished by exactly one attempt.
 */
public class JobWorker {

  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

  private final JobRepository repository;
  private final JobHandlerRegistry handlers;
  private final JsonMapper json;
  private final ArtifactStore artifacts;
  private final CatalogClient catalog;
  private final JobMetrics metrics;
  private final TrustmlProperties.Worker config;
  private final String workerId;
  private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
  private final Object wakeUp = new Object();
  private volatile boolean accepting;
  private ExecutorService threads;
  private ScheduledExecutorService ticks;

  public JobWorker(JobRepository repository, JobHandlerRegistry handlers, JsonMapper json, ArtifactStore artifacts,
      CatalogClient catalog, JobMetrics metrics, TrustmlProperties.Worker config) {
    this.repository = repository;
    this.handlers = handlers;
    this.json = json;
    this.artifacts = artifacts;
    this.catalog = catalog;
    this.metrics = metrics;
    this.config = config;
    this.workerId = config.id().isBlank() ? defaultWorkerId() : config.id();
  }

  private static String defaultWorkerId() {
    String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("local");
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String workerId() {
    return workerId;
  }

  public synchronized void start() {
    if (accepting || handlers.types().isEmpty()) {
      return;
    }
    accepting = true;
    int n = config.effectiveThreads();
    AtomicInteger seq = new AtomicInteger();
    threads = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "trustml-job-" + seq.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < n; i++) {
      threads.submit(this::claimLoop);
    }
    ticks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trustml-job-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long hb = config.heartbeat().toMillis();
    ticks.scheduleWithFixedDelay(this::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
    long poll = config.poll().toMillis();
    ticks.scheduleWithFixedDelay(this::checkCancellations, poll, poll, TimeUnit.MILLISECONDS);
    log.info("job worker {} started: {} threads for types {}", workerId, n, handlers.types());
  }

  /** Wakes idle threads at once (called after a job was submitted to this process). */
  public void wake() {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /**
   * Stops claiming, waits up to the grace period for running jobs, then hands the rest back to the queue without
   * counting their attempt, so another replica picks them up at once.
   */
  public synchronized void stop() {
    if (!accepting) {
      return;
    }
    accepting = false;
    wake();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        for (RunningJob job : List.copyOf(running.values())) {
          job.loseLease();
          boolean released = repository.release(job.jobId(), workerId, job.attempt());
          log.info("job {} handed back on shutdown: {}", job.jobId(), released);
        }
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticks.shutdownNow();
    }
  }

  public boolean isRunning() {
    return accepting;
  }

  /** Jobs this worker is running now. */
  public int activeJobs() {
    return running.size();
  }

  private void claimLoop() {
    while (accepting) {
      try {
        Optional<ClaimedJob> claimed = repository.claim(handlers.types(), workerId, config.lease().toMillis());
        if (claimed.isPresent()) {
          execute(claimed.get());
        } else {
          synchronized (wakeUp) {
            wakeUp.wait(config.poll().toMillis());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the database may be briefly unreachable; keep the thread alive and try again after a pause
        log.warn("job worker {} could not claim: {}", workerId, e.toString());
        sleepQuietly(config.poll());
      }
    }
  }

  private void execute(ClaimedJob claimed) {
    RunningJob job = new RunningJob(claimed, workerId, repository, artifacts, catalog);
    running.put(claimed.id(), job);
    long start = System.nanoTime();
    OffsetDateTime startedAt = OffsetDateTime.now();
    Duration waited = Duration.between(claimed.createdAt(), startedAt);
    metrics.queueWait(claimed.type(), waited.isNegative() ? Duration.ZERO : waited);
    MDC.put("jobId", claimed.id().toString());
    JobHandler<?> handler = handlers.find(claimed.type()).orElseThrow();
    JobState outcome;
    String resultJson = null;
    String errorJson = null;
    String message;
    try {
      Object result = runHandler(handler, claimed, job);
      if (job.cancellationRequested()) {
        outcome = JobState.CANCELLED;
        message = "cancelled";
      } else {
        outcome = JobState.SUCCEEDED;
        resultJson = json.writeValueAsString(result == null ? JsonNodeFactory.instance.objectNode() : result);
        message = "succeeded";
      }
    } catch (JobCancelledException e) {
      outcome = JobState.CANCELLED;
      message = "cancelled";
    } catch (Throwable e) {
      outcome = JobState.FAILED;
      errorJson = json.writeValueAsString(problemOf(e));
      message = e.toString();
      log.warn("job {} ({}) failed", claimed.id(), claimed.type(), e);
      safeLog(job, "failed: " + e);
    } finally {
      MDC.remove("jobId");
    }
    Duration runTime = Duration.ofNanos(System.nanoTime() - start);
    try {
      if (job.leaseLost()) {
        metrics.finished(claimed.type(), "lost", runTime);
        return;
      }
      Map<String, Object> timings = new LinkedHashMap<>();
      timings.put("queuedMs", Math.max(0, waited.toMillis()));
      timings.put("runMs", runTime.toMillis());
      Optional<JobState> written = finishWithRetries(claimed, outcome, resultJson, errorJson,
          json.writeValueAsString(Versions.of(handler)), json.writeValueAsString(timings), message);
      metrics.finished(claimed.type(), written.map(JobState::name).orElse("lost"), runTime);
    } finally {
      running.remove(claimed.id());
    }
  }

  /**
   * Writes the outcome, trying again for a while if the database is briefly away: the job stays in {@code running}
   * meanwhile, so heartbeats keep its lease and a finished result is not thrown away for a retry.
   */
  private Optional<JobState> finishWithRetries(ClaimedJob claimed, JobState outcome, String resultJson,
      String errorJson, String versionsJson, String timingsJson, String message) {
    long backoff = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        return repository.finish(claimed.id(), workerId, claimed.attempt(), outcome, resultJson, errorJson,
            versionsJson, timingsJson, message);
      } catch (RuntimeException e) {
        if (attempt >= 6) {
          log.error("job {}: could not record its outcome; its lease will expire and it will run again",
              claimed.id(), e);
          return Optional.empty();
        }
        log.warn("job {}: recording the outcome failed ({}), retrying in {} ms", claimed.id(), e, backoff);
        sleepQuietly(Duration.ofMillis(backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <P> Object runHandler(JobHandler<P> handler, ClaimedJob claimed, RunningJob ctx) throws Exception {
    P params = JobParams.reader(json, handler.paramsType()).readValue(claimed.paramsJson());
    return handler.run(params, ctx);
  }

  private JsonNode problemOf(Throwable e) {
    ObjectNode pd = JsonNodeFactory.instance.objectNode();
    if (e instanceof ProblemException p) {
      pd.put("type", ProblemException.typeOf(p.code()).toString());
      pd.put("title", p.status().getReasonPhrase());
      pd.put("status", p.status().value());
      pd.put("detail", p.getMessage());
      p.properties().forEach((k, v) -> pd.set(k, json.valueToTree(v)));
    } else {
      pd.put("type", ProblemException.typeOf("job-failed").toString());
      pd.put("title", "Job failed");
      pd.put("status", 500);
      pd.put("detail", String.valueOf(e));
    }
    return pd;
  }

  private void heartbeat() {
    for (RunningJob job : List.copyOf(running.values())) {
      try {
        Optional<JobState> state = repository.heartbeat(job.jobId(), workerId, job.attempt(),
            config.lease().toMillis(), job.currentProgress());
        if (state.isEmpty()) {
          log.warn("job {} lease lost by {}: stopping it, its outputs will be discarded", job.jobId(), workerId);
          job.loseLease();
        } else if (state.get() == JobState.CANCELLING) {
          job.cancel();
        }
      } catch (RuntimeException e) {
        log.warn("heartbeat for job {} failed: {}", job.jobId(), e.toString());
      }
    }
  }

  private void checkCancellations() {
    if (running.isEmpty()) {
      return;
    }
    try {
      for (UUID id : repository.cancelRequested(new ArrayList<>(running.keySet()))) {
        RunningJob job = running.get(id);
        if (job != null) {
          job.cancel();
        }
      }
    } catch (RuntimeException e) {
      log.debug("cancellation check failed: {}", e.toString());
    }
  }

  private static void safeLog(RunningJob job, String line) {
    try {
      job.log(line);
    } catch (RuntimeException ignored) {
      // the failure itself is already recorded on the job
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
