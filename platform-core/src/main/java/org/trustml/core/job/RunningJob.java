package org.trustml.core.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;

/** The {@link JobContext} of one attempt on one worker. */
final class RunningJob implements JobContext {

  private static final Logger log = LoggerFactory.getLogger(RunningJob.class);

  private static final long PROGRESS_WRITE_INTERVAL_NANOS = 200_000_000L;

  private final ClaimedJob job;
  private final String worker;
  private final JobRepository repository;
  private final ArtifactStore artifacts;
  private final CatalogClient catalog;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean leaseLost = new AtomicBoolean();
  private volatile JobProgress progress = new JobProgress(0, "started");
  private volatile String lastWrittenStage = "started";
  private volatile long lastProgressWrite = System.nanoTime();

  RunningJob(ClaimedJob job, String worker, JobRepository repository, ArtifactStore artifacts,
      CatalogClient catalog) {
    this.job = job;
    this.worker = worker;
    this.repository = repository;
    this.artifacts = artifacts;
    this.catalog = catalog;
  }

  ClaimedJob job() {
    return job;
  }

  JobProgress currentProgress() {
    return progress;
  }

  /** The user asked to stop. */
  void cancel() {
    cancelled.set(true);
  }

  /** Another attempt owns the job now: stop and write nothing. */
  void loseLease() {
    leaseLost.set(true);
    cancelled.set(true);
  }

  boolean leaseLost() {
    return leaseLost.get();
  }

  @Override
  public UUID jobId() {
    return job.id();
  }

  @Override
  public String type() {
    return job.type();
  }

  @Override
  public String owner() {
    return job.owner();
  }

  @Override
  public long seed() {
    return job.seed();
  }

  @Override
  public int attempt() {
    return job.attempt();
  }

  @Override
  public void progress(double fraction, String stage) {
    double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    progress = new JobProgress(clamped, stage);
    long now = System.nanoTime();
    // frequent calls from a tight loop must not turn into a write each: at most one every 200 ms, or a new stage
    boolean newStage = stage != null && !stage.equals(lastWrittenStage);
    if (newStage || now - lastProgressWrite >= PROGRESS_WRITE_INTERVAL_NANOS) {
      lastProgressWrite = now;
      lastWrittenStage = stage;
      try {
        repository.progress(job.id(), worker, job.attempt(), progress);
      } catch (RuntimeException e) {
        // progress is advisory: the next heartbeat carries it; a database hiccup must not fail the job
        log.debug("progress of job {} not saved: {}", job.id(), e.toString());
      }
    }
  }

  @Override
  public boolean cancellationRequested() {
    return cancelled.get();
  }

  @Override
  public void log(String line) {
    repository.appendLog(job.id(), worker, job.attempt(), line);
  }

  @Override
  public ArtifactRef writeArtifact(String name, String mediaType, InputStream data) {
    try {
      ArtifactRef ref = artifacts.put(data, mediaType, name);
      if (!repository.recordArtifact(job.id(), worker, job.attempt(), ref)) {
        loseLease();
        throw new JobCancelledException("job " + job.id() + ": attempt " + job.attempt() + " no longer owns it");
      }
      return ref;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public CatalogClient catalog() {
    return catalog;
  }
}
