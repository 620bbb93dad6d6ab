package org.trustml.pruning.score;

import org.trustml.pruning.topology.PersistenceGradients;
import org.trustml.pruning.topology.PointCloud;

/**
 * L-A of the design note, the Topological Autoencoder loss (Moor et al., arXiv 1906.00722) on one patch:
 * L = ½‖Aᶻ[πᶻ] − Aᵘ[πᶻ]‖² + ½‖Aᵘ[πᵘ] − Aᶻ[πᵘ]‖², where Aᶻ, Aᵘ are the patch's distance matrices divided by their
 * normaliser (max or mean, held constant in the gradient) and πᶻ, πᵘ the critical edges of the latent and embedded
 * diagrams. Only the embedded points v move, so ∂L/∂v = Σ_{e ∈ πᶻ ∪ πᵘ} (Aᵘ_e − Aᶻ_e)/normᵘ · ∂ℓᵘ_e/∂v, with
 * ∂ℓ/∂v from {@link PersistenceGradients#addEdgeLengthGradient}.
 */
final class TopologicalConsistencyLoss {

  private final double[] latent;
  private final int latentDimension;
  private final double latentNorm;
  private final CriticalEdges latentEdges;
  private final CriticalEdges embeddedEdges;

  /**
   * @param latent          the patch in latent coordinates z (not modified, not copied)
   * @param latentNorm      the normaliser of its distances
   * @param latentEdges     πᶻ
   * @param embeddedEdges   πᵘ
   */
  TopologicalConsistencyLoss(double[] latent, int latentDimension, double latentNorm, CriticalEdges latentEdges,
      CriticalEdges embeddedEdges) {
    this.latent = latent;
    this.latentDimension = latentDimension;
    this.latentNorm = latentNorm;
    this.latentEdges = latentEdges;
    this.embeddedEdges = embeddedEdges;
  }

  /** The same latent side with new embedded critical edges ({@code local.pairs = recompute}). */
  TopologicalConsistencyLoss withEmbeddedEdges(CriticalEdges edges) {
    return new TopologicalConsistencyLoss(latent, latentDimension, latentNorm, latentEdges, edges);
  }

  /** L at embedded coordinates v with normaliser {@code embeddedNorm}. */
  double value(double[] v, int dimension, double embeddedNorm) {
    return halfSquaredGaps(latentEdges, v, dimension, embeddedNorm)
        + halfSquaredGaps(embeddedEdges, v, dimension, embeddedNorm);
  }

  private double halfSquaredGaps(CriticalEdges edges, double[] v, int dimension, double embeddedNorm) {
    double s = 0;
    for (int e = 0; e < edges.size(); e++) {
      double gap = gap(edges, e, v, dimension, embeddedNorm);
      s += 0.5 * gap * gap;
    }
    return s;
  }

  /** Aᵘ_e − Aᶻ_e. */
  private double gap(CriticalEdges edges, int e, double[] v, int dimension, double embeddedNorm) {
    double au = PatchGeometry.distance(v, dimension, edges.a(e), edges.b(e)) / embeddedNorm;
    double az = PatchGeometry.distance(latent, latentDimension, edges.a(e), edges.b(e)) / latentNorm;
    return au - az;
  }

  /**
   * ∂L/∂v with the normaliser held constant.
   *
   * @param v row-major embedded patch (not modified)
   * @return row-major gradient, laid out like v
   */
  double[] gradient(double[] v, int dimension, double embeddedNorm) {
    double[] g = new double[v.length];
    PointCloud cloud = PointCloud.ofRowMajor(v, dimension);
    addGradient(latentEdges, cloud, v, dimension, embeddedNorm, g);
    addGradient(embeddedEdges, cloud, v, dimension, embeddedNorm, g);
    return g;
  }

  private void addGradient(CriticalEdges edges, PointCloud cloud, double[] v, int dimension, double embeddedNorm,
      double[] g) {
    for (int e = 0; e < edges.size(); e++) {
      double dLdLength = gap(edges, e, v, dimension, embeddedNorm) / embeddedNorm;
      PersistenceGradients.addEdgeLengthGradient(cloud, edges.a(e), edges.b(e), dLdLength, g);
    }
  }
}
