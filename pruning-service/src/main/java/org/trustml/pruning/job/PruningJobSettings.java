package org.trustml.pruning.job;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How the pruning jobs use the machine ({@code trustml.pruning.*}): threads per job (results do not depend on it),
 * and up to how many bytes of input a submission reads to refuse bad values (NaN embeddings, a class too small)
 * before queueing; larger inputs are checked by the job, which then fails with the same problem.
 */
@Component
public class PruningJobSettings {

  private final int threads;
  private final long validationReadBytes;

  public PruningJobSettings(@Value("${trustml.pruning.threads:0}") int threads,
      @Value("${trustml.pruning.validation-read-limit:16MB}") DataSize validationReadLimit) {
    this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    this.validationReadBytes = validationReadLimit.toBytes();
  }

  public int threads() {
    return threads;
  }

  /** Whether a submission reads inputs of this many bytes to check their values. */
  public boolean readsAtSubmission(long bytes) {
    return bytes <= validationReadBytes;
  }
}
