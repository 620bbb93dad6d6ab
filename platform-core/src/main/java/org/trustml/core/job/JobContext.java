package org.trustml.core.job;

import java.io.InputStream;
import java.util.UUID;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;

/** What a running job may do: report progress, notice cancellation, log, read inputs and write outputs. */
public interface JobContext {

  UUID jobId();

  String type();

  /** Tenant that submitted the job. */
  String owner();

  /** The job's seed: every random choice of the method derives from it. */
  long seed();

  /** 1 for the first run, more after a lease expired and the job was requeued. */
  int attempt();

  /**
   * Reports progress.
   *
   * @param fraction completed share in [0, 1]; values outside are clamped
   * @param stage short human text, e.g. {@code "embedding 3000/60000"}
   */
  void progress(double fraction, String stage);

  /** True once the user asked to cancel or the worker lost the job's lease. */
  boolean cancellationRequested();

  /** Throws {@link JobCancelledException} if {@link #cancellationRequested()}. */
  default void checkCancelled() {
    if (cancellationRequested()) {
      throw new JobCancelledException("job " + jobId() + " was cancelled");
    }
  }

  /** Appends a line to the job's log, readable through the API while it runs. */
  void log(String line);

  /**
   * Stores an output; it becomes visible as the job's artifact only if this attempt finishes the job, so a lost
   * attempt never leaves half its outputs behind.
   */
  ArtifactRef writeArtifact(String name, String mediaType, InputStream data);

  default ArtifactRef writeArtifact(String name, String mediaType, byte[] data) {
    return writeArtifact(name, mediaType, new java.io.ByteArrayInputStream(data));
  }

  /** The shared content store, for reading inputs by digest. */
  ArtifactStore artifacts();

  /** The dataset and model catalog, for resolving references and registering outputs. */
  CatalogClient catalog();
}
