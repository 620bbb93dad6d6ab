package org.trustml.core.testing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobProgress;

/**
 * A job context for unit tests of long-running code: records every progress report and asks to cancel once a
 * condition on the reports so far holds. It has no store or catalog: code under test that writes artifacts needs the
 * real platform (see {@link JobFixture}).
 */
public final class RecordingJobContext implements JobContext {

  private final String type;
  private final long seed;
  private final Predicate<List<JobProgress>> cancelWhen;
  private final List<JobProgress> reports = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean cancelled;

  /**
   * @param cancelWhen asked after every report, with the reports so far; once true, cancellation stays requested
   */
  public RecordingJobContext(String type, long seed, Predicate<List<JobProgress>> cancelWhen) {
    this.type = type;
    this.seed = seed;
    this.cancelWhen = cancelWhen;
  }

  /** Never asks to cancel. */
  public static RecordingJobContext recording(String type, long seed) {
    return new RecordingJobContext(type, seed, reports -> false);
  }

  /** Asks to cancel once {@code count} reports have been made. */
  public static RecordingJobContext cancelAfter(String type, long seed, int count) {
    return new RecordingJobContext(type, seed, reports -> reports.size() >= count);
  }

  /** Asks to cancel once a reported stage matches. */
  public static RecordingJobContext cancelAtStage(String type, long seed, Predicate<String> stage) {
    return new RecordingJobContext(type, seed, reports -> stage.test(reports.get(reports.size() - 1).stage()));
  }

  /** The reports so far, oldest first (a copy). */
  public List<JobProgress> reports() {
    synchronized (reports) {
      return List.copyOf(reports);
    }
  }

  @Override
  public void progress(double fraction, String stage) {
    synchronized (reports) {
      reports.add(new JobProgress(fraction, stage));
      cancelled |= cancelWhen.test(reports);
    }
  }

  @Override
  public boolean cancellationRequested() {
    return cancelled;
  }

  @Override
  public UUID jobId() {
    return new UUID(0, 1);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String owner() {
    return "test";
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public void log(String line) {}

  @Override
  public ArtifactRef writeArtifact(String name, String mediaType, InputStream data) {
    throw new UnsupportedOperationException("a RecordingJobContext has no store");
  }

  @Override
  public ArtifactStore artifacts() {
    throw new UnsupportedOperationException("a RecordingJobContext has no store");
  }

  @Override
  public CatalogClient catalog() {
    throw new UnsupportedOperationException("a RecordingJobContext has no catalog");
  }
}
