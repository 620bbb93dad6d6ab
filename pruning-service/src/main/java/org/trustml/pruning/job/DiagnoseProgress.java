package org.trustml.pruning.job;

import java.util.Locale;
import org.trustml.core.job.JobContext;
import org.trustml.pruning.diagnostics.TopologyDiagnostics;
import org.trustml.pruning.manifold.ManifoldListener;

/**
 * The diagnose job's stages as progress: reading (to {@link #LOADED}), the manifold recomputed (to
 * {@link #MANIFOLD_DONE}, by layout epochs; kNN and fuzzy-set events only check cancellation), the classes (to
 * {@link #CLASSES_DONE}), then rendering and writing. Every event checks cancellation; layout events come from
 * several threads and are throttled, since every report is a database write.
 */
final class DiagnoseProgress implements ManifoldListener, TopologyDiagnostics.Listener {

  static final double LOADED = 0.05;
  static final double MANIFOLD_DONE = 0.45;
  static final double CLASSES_DONE = 0.9;
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final JobContext ctx;
  private final int samples;
  private double laidOut;
  private long lastReport;
  private boolean reported;

  DiagnoseProgress(JobContext ctx, int samples) {
    this.ctx = ctx;
    this.samples = Math.max(1, samples);
  }

  @Override
  public void knnDone(int n) {
    ctx.checkCancelled();
  }

  @Override
  public void fuzzySetDone(int n) {
    ctx.checkCancelled();
  }

  @Override
  public synchronized void layoutEpochDone(int n, int epoch, int epochs) {
    ctx.checkCancelled();
    laidOut += (double) n / epochs;
    long now = System.nanoTime();
    if (!reported || now - lastReport >= INTERVAL_NANOS) {
      reported = true;
      lastReport = now;
      double share = Math.min(1, laidOut / samples);
      ctx.progress(LOADED + (MANIFOLD_DONE - LOADED) * share, String.format(Locale.ROOT,
          "manifold as the score job computed it: layout %.0f%%", 100 * share));
    }
  }

  @Override
  public void progress(double fraction, String stage) {
    ctx.checkCancelled();
    ctx.progress(MANIFOLD_DONE + (CLASSES_DONE - MANIFOLD_DONE) * fraction, stage);
  }
}
