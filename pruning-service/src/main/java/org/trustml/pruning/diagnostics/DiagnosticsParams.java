package org.trustml.pruning.diagnostics;

/**
 * What the diagnostics compute.
 *
 * @param maxPoints   landmarks per class for the diagram, ≥ 3 (a cycle needs three points)
 * @param bins        score histogram bins per class, ≥ 1
 * @param mapPoints   samples shown in the 2-D map, ≥ 1
 * @param curvePoints radii of the Betti curves, ≥ 2
 * @param space       the points whose diagram is computed
 */
public record DiagnosticsParams(int maxPoints, int bins, int mapPoints, int curvePoints, Space space) {

  /** The points of a class whose topology is shown. */
  public enum Space {
    /** The manifold coordinates the score used (UMAP, PCA or the normalised input). */
    MANIFOLD,
    /** The latent embeddings as the score read them (L2-normalised when {@code normalize = l2}). */
    LATENT
  }

  public DiagnosticsParams {
    if (maxPoints < 3) {
      throw new IllegalArgumentException("maxPoints must be ≥ 3, got " + maxPoints);
    }
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be ≥ 1, got " + bins);
    }
    if (mapPoints < 1) {
      throw new IllegalArgumentException("mapPoints must be ≥ 1, got " + mapPoints);
    }
    if (curvePoints < 2) {
      throw new IllegalArgumentException("curvePoints must be ≥ 2, got " + curvePoints);
    }
    if (space == null) {
      throw new IllegalArgumentException("space must be given");
    }
  }

  /** 400 landmarks, 20 bins, 5,000 map points, 64 radii, manifold coordinates. */
  public static DiagnosticsParams defaults() {
    return new DiagnosticsParams(400, 20, 5_000, 64, Space.MANIFOLD);
  }
}
