package org.trustml.pruning.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trustml.pruning.manifold.ClassIndex;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.parallel.OrderedTasks;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

/**
 * Computes the diagnostics of a scored (and optionally selected) dataset class by class: landmarks, the
 * Vietoris–Rips diagram H0 + H1 of the landmarks, Betti curves, the score histogram; then the 2-D map. Seeds: the
 * c-th class's landmarks use the c-th split of {@code SplittableRandom(seed)} and the map the split after the
 * classes, so one class's result does not depend on the others or on the thread that computed it.
 */
public final class TopologyDiagnostics {

  /** Told after every step; may throw to stop (a cancelled job). */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (fraction, stage) -> {};

    void progress(double fraction, String stage);
  }

  /**
   * What was scored.
   *
   * @param manifold    latent and manifold coordinates, as the score job used them
   * @param labels      class code per sample
   * @param classNames  label value per class code
   * @param scores      score per sample
   * @param kept        per sample whether the selection kept it, or null
   * @param perClass    whether the manifold was computed per class
   */
  public record Input(ManifoldEmbedding manifold, int[] labels, List<String> classNames, double[] scores,
      boolean[] kept, boolean perClass) {

    public Input {
      int n = labels.length;
      if (manifold.size() != n || scores.length != n || (kept != null && kept.length != n)) {
        throw new IllegalArgumentException("manifold of " + manifold.size() + " samples, " + n + " labels, "
            + scores.length + " scores" + (kept == null ? "" : ", " + kept.length + " kept flags"));
      }
    }
  }

  private TopologyDiagnostics() {}

  /** The same on one thread. */
  public static DiagnosticsReport run(Input in, DiagnosticsParams params, long seed, Listener listener) {
    return run(in, params, seed, 1, listener);
  }

  /**
   * Classes are diagnosed on up to {@code threads} threads; the report is the same for any thread count. The
   * listener is told on the calling thread, in class order, as each class finishes.
   */
  public static DiagnosticsReport run(Input in, DiagnosticsParams params, long seed, int threads,
      Listener listener) {
    boolean latent = params.space() == DiagnosticsParams.Space.LATENT;
    double[] points = latent ? in.manifold().latent() : in.manifold().embedded();
    int dimension = latent ? in.manifold().latentDimension() : in.manifold().dimension();
    List<int[]> groups = ClassIndex.members(in.labels());
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[groups.size()];
    for (int g = 0; g < seeds.length; g++) {
      seeds[g] = master.split().nextLong();
    }
    List<Callable<DiagnosticsReport.ClassReport>> tasks = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int[] members = groups.get(g);
      String label = in.classNames().get(in.labels()[members[0]]);
      long classSeed = seeds[g];
      tasks.add(() -> classReport(label, members, points, dimension, in, params, classSeed));
    }
    List<DiagnosticsReport.ClassReport> classes = OrderedTasks.run(threads, tasks, "diagnosing", g -> {
      int[] members = groups.get(g);
      listener.progress((double) g / (groups.size() + 1), String.format(Locale.ROOT,
          "class %s (%d/%d): landmarks and persistence of %,d samples", in.classNames().get(in.labels()[members[0]]),
          g + 1, groups.size(), members.length));
    });
    listener.progress((double) groups.size() / (groups.size() + 1), "2-D map");
    SampleMap map = SampleMap.of(in.manifold().embedded(), in.manifold().dimension(), in.labels(), in.perClass(),
        in.scores(), in.kept(), params.mapPoints(), master.split().nextLong());
    return new DiagnosticsReport(latent ? "latent" : "manifold", classes, map);
  }

  private static DiagnosticsReport.ClassReport classReport(String label, int[] members, double[] points,
      int dimension, Input in, DiagnosticsParams params, long seed) {
    long started = System.nanoTime();
    double[] classPoints = ClassIndex.gather(points, dimension, members);
    Landmarks landmarks = Landmarks.maxMin(classPoints, dimension, params.maxPoints(), seed);
    double[] chosen = ClassIndex.gather(classPoints, dimension, landmarks.indices());
    PersistenceDiagram diagram = VietorisRipsPersistence.compute(PointCloud.ofRowMajor(chosen, dimension),
        RipsParams.h0h1());
    BettiCurves betti = BettiCurves.of(diagram, params.curvePoints());
    double[] scores = new double[members.length];
    boolean[] kept = in.kept() == null ? null : new boolean[members.length];
    int keptCount = 0;
    for (int m = 0; m < members.length; m++) {
      scores[m] = in.scores()[members[m]];
      if (kept != null) {
        kept[m] = in.kept()[members[m]];
        keptCount += kept[m] ? 1 : 0;
      }
    }
    ScoreHistogram histogram = ScoreHistogram.of(scores, kept, params.bins());
    double seconds = (System.nanoTime() - started) / 1e9;
    return new DiagnosticsReport.ClassReport(label, members.length, kept == null ? null : keptCount,
        landmarks.size(), landmarks.coveringRadius(), landmarks.bottleneckBound(),
        DiagnosticsReport.Bars.of(diagram.h0()), DiagnosticsReport.Bars.of(diagram.h1()), betti, histogram, seconds);
  }
}
