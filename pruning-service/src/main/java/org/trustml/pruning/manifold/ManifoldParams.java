package org.trustml.pruning.manifold;

/**
 * The global stage's switches (design note §2.1).
 *
 * @param normalize {@code normalize}: L2-normalise each embedding first
 * @param scope     {@code scope}: one UMAP per class, or one over all samples
 * @param method    {@code global.method}
 * @param umap      {@code umap.*}
 * @param threads   classes embedded at once (≥ 1); does not change the result
 */
public record ManifoldParams(Normalization normalize, Scope scope, Method method, UmapParams umap, int threads) {

  /** {@code normalize}. */
  public enum Normalization { L2, NONE }

  /** {@code scope}. */
  public enum Scope { PER_CLASS, GLOBAL }

  /** {@code global.method}. */
  public enum Method {
    /** UMAP as in {@link Umap}. */
    UMAP,
    /** Principal components ({@link PrincipalComponents}) to {@code umap.dim} coordinates. */
    PCA,
    /** The (normalised) input itself: for tests, and to score in latent space directly. */
    IDENTITY
  }

  /** Validates the values. */
  public ManifoldParams {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
  }

  /** The note's defaults: L2, per class, UMAP with its defaults, one thread per available core. */
  public static ManifoldParams defaults(long seed) {
    return new ManifoldParams(Normalization.L2, Scope.PER_CLASS, Method.UMAP, UmapParams.defaults(seed),
        Runtime.getRuntime().availableProcessors());
  }

  /** The same with another thread count. */
  public ManifoldParams withThreads(int t) {
    return new ManifoldParams(normalize, scope, method, umap, t);
  }

  /** The same with other UMAP switches. */
  public ManifoldParams withUmap(UmapParams u) {
    return new ManifoldParams(normalize, scope, method, u, threads);
  }

  /** The same with another scope. */
  public ManifoldParams withScope(Scope s) {
    return new ManifoldParams(normalize, s, method, umap, threads);
  }

  /** The same with another method. */
  public ManifoldParams withMethod(Method m) {
    return new ManifoldParams(normalize, scope, m, umap, threads);
  }
}
