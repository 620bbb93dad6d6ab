package org.trustml.pruning.evaluation;

import java.util.Locale;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.score.LocalScoreParams;

/**
 * The methods the evaluation compares (the design note's tier-1 line-up): the baselines as the {@code baseline}
 * package runs them, on the selection encoder's embeddings and training dynamics, and TopoPrune's score variants with
 * CCS stratified selection (on the note's per-class UMAP unless the name says otherwise).
 */
public enum EvaluatedMethod {

  /** Uniform per class. */
  RANDOM(false, null, null),
  /** k-center greedy on the embeddings. */
  KCENTER(true, null, null),
  /** Herding on the embeddings. */
  HERDING(true, null, null),
  /** Moderate-DS on the embeddings. */
  MODERATE(true, null, null),
  /** CCS over the encoder run's AUM (low = hard). */
  CCS_AUM(false, null, null),
  /** D2 pruning: the embeddings' kNN graph, forgetting events as difficulty (high = hard). */
  D2_FORGETTING(true, null, null),
  /** TopoPrune with the note's defaults: L-A topological consistency, then CCS. */
  TOPOPRUNE_LA(true, LocalScoreParams.Variant.TOPO_CONSISTENCY, ManifoldParams.Method.UMAP),
  /** TopoPrune with L-B total persistence, then CCS. */
  TOPOPRUNE_LB(true, LocalScoreParams.Variant.TOTAL_PERSISTENCE, ManifoldParams.Method.UMAP),
  /** TopoPrune with L-B′ leave-one-out persistence, then CCS (slowest). */
  TOPOPRUNE_LOO(true, LocalScoreParams.Variant.LEAVE_ONE_OUT, ManifoldParams.Method.UMAP),
  /**
   * L-A with {@code global.method = pca}: the patches laid out in the class's top principal components instead of
   * UMAP, so the score needs no seed and moves less with the embeddings.
   */
  TOPOPRUNE_LA_PCA(true, LocalScoreParams.Variant.TOPO_CONSISTENCY, ManifoldParams.Method.PCA);

  private final boolean usesEmbeddings;
  private final LocalScoreParams.Variant variant;
  private final ManifoldParams.Method globalMethod;

  EvaluatedMethod(boolean usesEmbeddings, LocalScoreParams.Variant variant, ManifoldParams.Method globalMethod) {
    this.usesEmbeddings = usesEmbeddings;
    this.variant = variant;
    this.globalMethod = globalMethod;
  }

  /** Whether the kept set depends on the embeddings (random and CCS over AUM do not: noise cannot move them). */
  public boolean usesEmbeddings() {
    return usesEmbeddings;
  }

  /** The local-score variant for TopoPrune, null for a baseline. */
  public LocalScoreParams.Variant variant() {
    return variant;
  }

  /** TopoPrune's global stage ({@code global.method}), null for a baseline. */
  public ManifoldParams.Method globalMethod() {
    return globalMethod;
  }

  /** Whether this is one of TopoPrune's variants. */
  public boolean isTopoPrune() {
    return variant != null;
  }

  /** The report's spelling: {@code random}, {@code ccs-aum}, {@code topoprune-la}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@link #id()}.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  public static EvaluatedMethod of(String id) {
    for (EvaluatedMethod m : values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    StringBuilder known = new StringBuilder();
    for (EvaluatedMethod m : values()) {
      known.append(known.isEmpty() ? "" : ", ").append(m.id());
    }
    throw new IllegalArgumentException("unknown method '" + id + "'; known: " + known);
  }
}
