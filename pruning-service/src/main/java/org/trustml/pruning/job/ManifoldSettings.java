package org.trustml.pruning.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.Metric;
import org.trustml.pruning.manifold.UmapParams;

/**
 * The global stage's switches as a job takes them (design note §2.1), every one optional: {@link #resolved()} fills
 * the note's defaults, and the manifest records that form.
 *
 * @param normalize       {@code l2} (default) or {@code none}
 * @param scope           {@code per-class} (default: one UMAP per class) or {@code global}
 * @param method          {@code umap} (default), {@code pca} (the top {@code dim} principal components) or
 *                        {@code identity} (score the normalised input itself)
 * @param k               UMAP neighbours, default 15
 * @param metric          {@code cosine} (default) or {@code euclidean}
 * @param dim             UMAP dimension, default 8
 * @param minDist         default 0.1
 * @param spread          default 1
 * @param epochs          SGD epochs; 0 (default) = 500 up to 10,000 points, else 200
 * @param negativeSamples default 5
 * @param knn             {@code auto} (default: brute force up to 10,000 points), {@code exact}, {@code nn-descent}
 *                        or {@code hnsw}
 * @param init            the SGD's start: {@code random} (default) or {@code spectral} (the fuzzy graph's Laplacian
 *                        eigenmap, umap-learn's default; a class whose graph falls apart starts at random)
 * @param hnswM           with {@code hnsw}: links per point and layer, default 16
 * @param hnswEfConstruction with {@code hnsw}: the beam width while building, default 200
 * @param hnswEf          with {@code hnsw}: the beam width while searching, ≥ k, default max(2k, 64)
 */
public record ManifoldSettings(
    @Pattern(regexp = "l2|none") String normalize,
    @Pattern(regexp = "per-class|global") String scope,
    @Pattern(regexp = "umap|pca|identity") String method,
    @Min(2) @Max(200) Integer k,
    @Pattern(regexp = "cosine|euclidean") String metric,
    @Min(1) @Max(10) Integer dim,
    @DecimalMin("0") @DecimalMax("10") Double minDist,
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double spread,
    @Min(0) @Max(10_000) Integer epochs,
    @Min(0) @Max(100) Integer negativeSamples,
    @Pattern(regexp = "auto|exact|nn-descent|hnsw") String knn,
    @Pattern(regexp = "random|spectral") String init,
    @Min(2) @Max(100) Integer hnswM,
    @Min(1) @Max(10_000) Integer hnswEfConstruction,
    @Min(1) @Max(10_000) Integer hnswEf) {

  /** Every switch set, absent ones to the note's defaults. */
  public ManifoldSettings resolved() {
    UmapParams d = UmapParams.defaults(0);
    int neighbours = or(k, d.k());
    return new ManifoldSettings(or(normalize, "l2"), or(scope, "per-class"), or(method, "umap"), neighbours,
        or(metric, "cosine"), or(dim, d.dimension()), or(minDist, d.minDist()), or(spread, d.spread()),
        or(epochs, d.epochs()), or(negativeSamples, d.negativeSamples()), or(knn, "auto"),
        or(init, d.init().name().toLowerCase(Locale.ROOT)), or(hnswM, d.hnswM()),
        or(hnswEfConstruction, d.hnswEfConstruction()), or(hnswEf, UmapParams.defaultHnswEf(neighbours)));
  }

  /**
   * The stage's parameters.
   *
   * @throws IllegalArgumentException for values the stage refuses together (minDist above spread)
   */
  ManifoldParams toParams(long seed, int threads) {
    ManifoldSettings r = resolved();
    UmapParams umap = new UmapParams(r.k, Metric.valueOf(upper(r.metric)), r.dim, r.minDist, r.spread, r.epochs,
        r.negativeSamples, UmapParams.KnnMethod.valueOf(upper(r.knn)), seed, UmapParams.Init.valueOf(upper(r.init)),
        r.hnswM, r.hnswEfConstruction, r.hnswEf);
    return new ManifoldParams(ManifoldParams.Normalization.valueOf(upper(r.normalize)),
        ManifoldParams.Scope.valueOf(upper(r.scope)), ManifoldParams.Method.valueOf(upper(r.method)), umap, threads);
  }

  /** The note's defaults, every switch set. */
  public static ManifoldSettings defaultSettings() {
    return new ManifoldSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null).resolved();
  }

  static String upper(String switchValue) {
    return switchValue.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
