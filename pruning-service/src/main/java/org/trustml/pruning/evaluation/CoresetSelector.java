package org.trustml.pruning.evaluation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.trustml.pruning.baseline.CcsPruning;
import org.trustml.pruning.baseline.D2Params;
import org.trustml.pruning.baseline.D2Pruning;
import org.trustml.pruning.baseline.Herding;
import org.trustml.pruning.baseline.KCenterGreedy;
import org.trustml.pruning.baseline.ModerateDs;
import org.trustml.pruning.baseline.PruningInput;
import org.trustml.pruning.baseline.PruningRun;
import org.trustml.pruning.baseline.RandomPruning;
import org.trustml.pruning.encoder.TrainingDynamics;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.Selector;

/**
 * Chooses coresets from one set of embeddings and training dynamics with any {@link EvaluatedMethod}, class-balanced
 * with proportional budgets. TopoPrune's score does not depend on the rate, so the manifold (per seed) and each
 * variant's score (per seed) are computed once and reused for every rate; their wall time goes to {@link Timings}.
 * Not thread-safe.
 */
final class CoresetSelector {

  private final String label;
  private final float[][] embeddings;
  private final int[] labels;
  private final TrainingDynamics dynamics;
  private final Timings timings;
  private final Map<String, ManifoldEmbedding> manifolds = new HashMap<>();
  private final Map<String, double[]> topoScores = new HashMap<>();

  /**
   * @param label      names this source in timings ({@code small-cnn}, {@code small-cnn σ=0.1·NN}, …)
   * @param embeddings one row per training sample (not copied, not modified)
   * @param labels     class per training sample (not copied, not modified)
   * @param dynamics   the encoder run's per-sample AUM and forgetting events
   */
  CoresetSelector(String label, float[][] embeddings, int[] labels, TrainingDynamics dynamics, Timings timings) {
    if (embeddings.length != labels.length || dynamics.size() != labels.length) {
      throw new IllegalArgumentException(embeddings.length + " embeddings, " + labels.length + " labels and "
          + dynamics.size() + " dynamics: they must cover the same samples");
    }
    this.label = label;
    this.embeddings = embeddings;
    this.labels = labels;
    this.dynamics = dynamics;
    this.timings = timings;
  }

  /** Kept ids, ascending, of {@code method} at {@code rate} with {@code seed}. */
  int[] kept(EvaluatedMethod method, double rate, long seed) {
    PruningRun run = PruningRun.classBalanced(rate, seed);
    return switch (method) {
      case RANDOM -> new RandomPruning().prune(PruningInput.labelsOnly(labels), run).selection().kept();
      case KCENTER -> new KCenterGreedy().prune(embeddingsOnly(), run).selection().kept();
      case HERDING -> new Herding().prune(embeddingsOnly(), run).selection().kept();
      case MODERATE -> ModerateDs.defaults().prune(embeddingsOnly(), run).selection().kept();
      case CCS_AUM -> CcsPruning.defaults(false).prune(new PruningInput(null, labels, dynamics.aum()), run)
          .selection().kept();
      case D2_FORGETTING -> new D2Pruning(D2Params.defaults(), true)
          .prune(new PruningInput(embeddings, labels, dynamics.forgetting()), run).selection().kept();
      case TOPOPRUNE_LA, TOPOPRUNE_LB, TOPOPRUNE_LOO, TOPOPRUNE_LA_PCA -> Selector.select(topoScore(method, seed), labels,
          SelectionParams.defaults(rate, seed)).kept();
    };
  }

  private PruningInput embeddingsOnly() {
    return new PruningInput(embeddings, labels, null);
  }

  /**
   * The score of one of TopoPrune's methods: its variant and global stage, the note's other default switches; UMAP
   * and patches seeded by {@code seed}.
   */
  double[] topoScore(EvaluatedMethod method, long seed) {
    if (!method.isTopoPrune()) {
      throw new IllegalArgumentException(method.id() + " is not a TopoPrune method");
    }
    LocalScoreParams.Variant variant = method.variant();
    ManifoldParams.Method global = method.globalMethod();
    String key = variant + "/" + global + "/" + seed;
    double[] cached = topoScores.get(key);
    if (cached != null) {
      return cached;
    }
    String stage = global == ManifoldParams.Method.UMAP ? "manifold" : global.name().toLowerCase(Locale.ROOT);
    ManifoldEmbedding manifold = manifolds.get(global + "/" + seed);
    if (manifold == null) {
      long start = System.nanoTime();
      manifold = ManifoldStage.run(ManifoldStage.rowMajor(embeddings), embeddings[0].length, labels,
          ManifoldParams.defaults(seed).withMethod(global));
      timings.add("topoprune " + stage + " (" + label + ", seed " + seed + ")", start);
      manifolds.put(global + "/" + seed, manifold);
    }
    long start = System.nanoTime();
    double[] score = StructuralComplexityScorer.score(manifold, labels, ManifoldParams.Scope.PER_CLASS,
        LocalScoreParams.defaults().withVariant(variant), seed);
    timings.add("topoprune " + variant.name().toLowerCase(Locale.ROOT)
        + (global == ManifoldParams.Method.UMAP ? "" : " on " + stage) + " score (" + label + ", seed "
        + seed + ")", start);
    topoScores.put(key, score);
    return score;
  }
}
