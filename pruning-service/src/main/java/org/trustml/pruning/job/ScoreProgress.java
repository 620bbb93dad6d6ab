package org.trustml.pruning.job;

import java.util.Locale;
import org.trustml.core.job.JobContext;
import org.trustml.pruning.manifold.ManifoldListener;

/**
 * Turns the score job's stages into progress (fraction + stage with sample counts) and stops a cancelled job at the
 * next event: kNN graph, fuzzy set and layout (weighted 0.30, 0.05, 0.65 of the manifold's share), then local
 * persistence one patch per sample. Events come from several threads; writes are throttled here because every
 * new stage text would otherwise be a database write.
 */
final class ScoreProgress implements ManifoldListener {

  static final double LOADED = 0.05;
  static final double MANIFOLD_DONE = 0.60;
  static final double LOCAL_DONE = 0.95;
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final JobContext ctx;
  private final int samples;
  private double manifoldWork;
  private int knnSamples;
  private int fuzzySamples;
  private int laidOut;
  private int patches;
  private String lastKind = "";
  private long lastReport;

  ScoreProgress(JobContext ctx, int samples) {
    this.ctx = ctx;
    this.samples = Math.max(1, samples);
  }

  @Override
  public synchronized void knnDone(int n) {
    knnSamples += n;
    manifoldWork += 0.30 * n;
    report("kNN graph", manifoldFraction(), "kNN graph: %,d/%,d samples", knnSamples);
  }

  @Override
  public synchronized void fuzzySetDone(int n) {
    fuzzySamples += n;
    manifoldWork += 0.05 * n;
    report("fuzzy set", manifoldFraction(), "fuzzy set: %,d/%,d samples", fuzzySamples);
  }

  @Override
  public synchronized void layoutEpochDone(int n, int epoch, int epochs) {
    manifoldWork += 0.65 * n / epochs;
    laidOut += epoch == epochs ? n : 0;
    report("layout", manifoldFraction(), "layout: %,d/%,d samples laid out", laidOut);
  }

  synchronized void patchDone() {
    patches++;
    report("local persistence", MANIFOLD_DONE + (LOCAL_DONE - MANIFOLD_DONE) * patches / samples,
        "local persistence: %,d/%,d patches", patches);
  }

  private double manifoldFraction() {
    return LOADED + (MANIFOLD_DONE - LOADED) * Math.min(1, manifoldWork / samples);
  }

  private void report(String kind, double fraction, String format, int done) {
    ctx.checkCancelled();
    long now = System.nanoTime();
    boolean last = done == samples;
    if (kind.equals(lastKind) && !last && now - lastReport < INTERVAL_NANOS) {
      return;
    }
    lastKind = kind;
    lastReport = now;
    ctx.progress(fraction, String.format(Locale.ROOT, format, done, samples));
  }
}
