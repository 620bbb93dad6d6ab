package org.trustml.bench.pruning;

import java.util.Arrays;
import java.util.Locale;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.SelectionResult;
import org.trustml.pruning.selection.Selector;

/**
 * The whole TopoPrune scoring path with the note's default switches (L2, per class, UMAP k 15 cosine d 8, L-A
 * with patches of 32, H0 + H1, 10 steps) and CCS at 90 % pruning, timed stage by stage in one run (the stages are
 * seconds to minutes long, so JIT warm-up is a small part and is included).
 */
final class ScoringBenchmark {

  private ScoringBenchmark() {}

  static ScoringResult run(ScoringInput data, int threads, long seed) {
    int n = data.labels().length;
    ManifoldParams manifoldParams = ManifoldParams.defaults(seed).withThreads(threads);
    long t0 = System.nanoTime();
    ManifoldEmbedding manifold = ManifoldStage.run(data.points(), data.dimension(), data.labels(), manifoldParams);
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "scoring: manifold stage %.1f s%n", (t1 - t0) / 1e9);
    double[] scores = StructuralComplexityScorer.score(manifold, data.labels(), manifoldParams.scope(),
        LocalScoreParams.defaults().withThreads(threads), seed);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "scoring: local score %.1f s%n", (t2 - t1) / 1e9);
    SelectionResult selection = Selector.select(scores, data.labels(), SelectionParams.defaults(0.9, seed));
    long t3 = System.nanoTime();
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int classes = (int) Arrays.stream(data.labels()).distinct().count();
    return new ScoringResult(data.description(), n, data.dimension(), classes, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        (t3 - t2) / 1e9, selection.kept().length, sorted[0], sorted[n / 2], sorted[n - 1]);
  }

}
