package org.trustml.ml;

/**
 * Receives progress of a long computation. Shaped like {@code JobContext.progress}, so a job passes
 * {@code ctx::progress}.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores everything. */
  ProgressListener NONE = (fraction, stage) -> {};

  /**
   * Reports progress.
   *
   * @param fraction completed share in [0, 1], never decreasing during one computation
   * @param stage short human text, e.g. {@code epoch 2/5 batch 30/118 loss 0.3100}
   */
  void progress(double fraction, String stage);
}
