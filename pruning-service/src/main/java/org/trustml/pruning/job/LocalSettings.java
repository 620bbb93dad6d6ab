package org.trustml.pruning.job;

import static org.trustml.pruning.job.ManifoldSettings.or;
import static org.trustml.pruning.job.ManifoldSettings.upper;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.trustml.pruning.score.LocalScoreParams;

/**
 * The local score's switches as a job takes them (design note §2.1, {@code local.*} and {@code score.agg}), every
 * one optional: {@link #resolved()} fills the note's defaults.
 *
 * @param patchK   neighbours per patch, default 32
 * @param dims     highest homology dimension: 0 for {0}, 1 (default) for {0,1}
 * @param variant  {@code topo-consistency} (default, L-A), {@code total-persistence} (L-B) or {@code leave-one-out}
 *                 (L-B′)
 * @param steps    gradient steps per patch, default 10
 * @param lr       step size, default 0.05
 * @param pairs    {@code fixed} (default) or {@code recompute}
 * @param p        exponent of total persistence, default 1
 * @param distNorm {@code max} (default) or {@code mean}
 * @param agg      {@code grad-sum} (default) or {@code displacement}
 */
public record LocalSettings(
    @Min(1) @Max(256) Integer patchK,
    @Min(0) @Max(1) Integer dims,
    @Pattern(regexp = "topo-consistency|total-persistence|leave-one-out") String variant,
    @Min(1) @Max(1000) Integer steps,
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double lr,
    @Pattern(regexp = "fixed|recompute") String pairs,
    @DecimalMin("1") @DecimalMax("10") Double p,
    @Pattern(regexp = "max|mean") String distNorm,
    @Pattern(regexp = "grad-sum|displacement") String agg) {

  /** Every switch set, absent ones to the note's defaults. */
  public LocalSettings resolved() {
    LocalScoreParams d = LocalScoreParams.defaults();
    return new LocalSettings(or(patchK, d.patchK()), or(dims, d.maxDimension()), or(variant, "topo-consistency"),
        or(steps, d.steps()), or(lr, d.learningRate()), or(pairs, "fixed"), or(p, d.exponent()),
        or(distNorm, "max"), or(agg, "grad-sum"));
  }

  LocalScoreParams toParams(int threads) {
    LocalSettings r = resolved();
    return new LocalScoreParams(r.patchK, r.dims, LocalScoreParams.Variant.valueOf(upper(r.variant)), r.steps, r.lr,
        LocalScoreParams.Pairs.valueOf(upper(r.pairs)), r.p, LocalScoreParams.DistNorm.valueOf(upper(r.distNorm)),
        LocalScoreParams.Aggregation.valueOf(upper(r.agg)), threads);
  }

  /** The note's defaults, every switch set. */
  public static LocalSettings defaultSettings() {
    return new LocalSettings(null, null, null, null, null, null, null, null, null).resolved();
  }
}
