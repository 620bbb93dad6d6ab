package org.trustml.pruning.manifold;

/**
 * The output of the global stage, row i for sample i in both arrays.
 *
 * @param latent         the (normalised) input embeddings z, n×latentDimension row-major
 * @param latentDimension D
 * @param embedded       the manifold coordinates u, n×dimension row-major
 * @param dimension      d
 */
public record ManifoldEmbedding(double[] latent, int latentDimension, double[] embedded, int dimension) {

  /** Number of samples. */
  public int size() {
    return latent.length / latentDimension;
  }
}
