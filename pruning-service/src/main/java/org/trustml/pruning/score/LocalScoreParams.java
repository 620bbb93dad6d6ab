package org.trustml.pruning.score;

/**
 * The note's {@code local.*} and {@code score.agg} switches (§2.1).
 *
 * @param patchK       neighbours in u-space per patch (local.patchK); the patch is the sample and these
 * @param maxDimension highest homology dimension used (local.dims: 0 for {0}, 1 for {0,1})
 * @param variant      local.variant
 * @param steps        gradient steps T per patch (local.steps), ≥ 1
 * @param learningRate step size η (local.lr)
 * @param pairs        local.pairs
 * @param exponent     p of total persistence Σ(d − b)^p (local.p), ≥ 1
 * @param distNorm     normaliser of the distance matrices in L-A (local.distNorm)
 * @param aggregation  score.agg
 * @param threads      patches scored at once (≥ 1); does not change the result
 */
public record LocalScoreParams(int patchK, int maxDimension, Variant variant, int steps, double learningRate,
    Pairs pairs, double exponent, DistNorm distNorm, Aggregation aggregation, int threads) {

  /** local.variant. */
  public enum Variant {
    /** L-A: Topological Autoencoder loss between latent and embedded patch (Moor et al., arXiv 1906.00722). */
    TOPO_CONSISTENCY,
    /** L-B: total persistence of the embedded patch. */
    TOTAL_PERSISTENCE,
    /** L-B′: |Pers(P_i) − Pers(P_i \ {i})| of the embedded patch; no gradients. */
    LEAVE_ONE_OUT
  }

  /** local.pairs. */
  public enum Pairs {
    /** Critical edges computed once per patch. */
    FIXED,
    /** Recomputed from the moved points before each step. */
    RECOMPUTE
  }

  /** local.distNorm: what a patch's distances are divided by; a constant in the gradients. */
  public enum DistNorm { MAX, MEAN }

  /** score.agg. */
  public enum Aggregation {
    /** Σ over steps of ‖∂L/∂u_q‖. */
    GRAD_SUM,
    /** ‖u_q after T steps − u_q before‖. */
    DISPLACEMENT
  }

  /** Validates the values. */
  public LocalScoreParams {
    if (patchK < 1) {
      throw new IllegalArgumentException("local.patchK must be ≥ 1, got " + patchK);
    }
    if (maxDimension != 0 && maxDimension != 1) {
      throw new IllegalArgumentException("local.dims must be {0} or {0,1}, got max dimension " + maxDimension);
    }
    if (steps < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("local.steps must be ≥ 1 and local.lr > 0, got " + steps + ", "
          + learningRate);
    }
    if (!(exponent >= 1)) {
      throw new IllegalArgumentException("local.p must be ≥ 1, got " + exponent);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
  }

  /** The note's defaults: 32 neighbours, {0,1}, L-A, 10 steps of 0.05, fixed pairs, p = 1, max, gradSum. */
  public static LocalScoreParams defaults() {
    return new LocalScoreParams(32, 1, Variant.TOPO_CONSISTENCY, 10, 0.05, Pairs.FIXED, 1, DistNorm.MAX,
        Aggregation.GRAD_SUM, Runtime.getRuntime().availableProcessors());
  }

  /** The same with another variant. */
  public LocalScoreParams withVariant(Variant v) {
    return new LocalScoreParams(patchK, maxDimension, v, steps, learningRate, pairs, exponent, distNorm,
        aggregation, threads);
  }

  /** The same with another patch size. */
  public LocalScoreParams withPatchK(int k) {
    return new LocalScoreParams(k, maxDimension, variant, steps, learningRate, pairs, exponent, distNorm,
        aggregation, threads);
  }

  /** The same with another thread count. */
  public LocalScoreParams withThreads(int t) {
    return new LocalScoreParams(patchK, maxDimension, variant, steps, learningRate, pairs, exponent, distNorm,
        aggregation, t);
  }

  /** The same with another pairs mode. */
  public LocalScoreParams withPairs(Pairs mode) {
    return new LocalScoreParams(patchK, maxDimension, variant, steps, learningRate, mode, exponent, distNorm,
        aggregation, threads);
  }

  /** The same with another aggregation. */
  public LocalScoreParams withAggregation(Aggregation a) {
    return new LocalScoreParams(patchK, maxDimension, variant, steps, learningRate, pairs, exponent, distNorm, a,
        threads);
  }

  /** The same with another exponent p. */
  public LocalScoreParams withExponent(double p) {
    return new LocalScoreParams(patchK, maxDimension, variant, steps, learningRate, pairs, p, distNorm,
        aggregation, threads);
  }

  /** The same with another highest homology dimension. */
  public LocalScoreParams withMaxDimension(int d) {
    return new LocalScoreParams(patchK, d, variant, steps, learningRate, pairs, exponent, distNorm, aggregation,
        threads);
  }
}
