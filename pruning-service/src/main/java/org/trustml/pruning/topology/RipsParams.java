package org.trustml.pruning.topology;

/**
 * What to compute.
 *
 * @param maxDimension 0 (components only) or 1 (components and cycles)
 * @param threshold    largest edge length in the filtration (Ripser's {@code --threshold}); +∞ means up to the
 *                     enclosing radius, beyond which nothing changes, so the diagram is the full one
 */
public record RipsParams(int maxDimension, double threshold) {

  /** Validates the values. */
  public RipsParams {
    if (maxDimension != 0 && maxDimension != 1) {
      throw new IllegalArgumentException("maxDimension must be 0 or 1, got " + maxDimension);
    }
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException("threshold must be ≥ 0, got " + threshold);
    }
  }

  /** H0 and H1 of the full filtration. */
  public static RipsParams h0h1() {
    return new RipsParams(1, Double.POSITIVE_INFINITY);
  }

  /** H0 only (the minimum spanning tree). */
  public static RipsParams h0() {
    return new RipsParams(0, Double.POSITIVE_INFINITY);
  }

  /** The same dimensions up to the given edge length. */
  public RipsParams withThreshold(double maxEdgeLength) {
    return new RipsParams(maxDimension, maxEdgeLength);
  }
}
