package org.trustml.pruning.manifold;

/**
 * A weighted graph on n vertices as parallel arrays, one entry per directed edge (a symmetric graph lists both
 * directions).
 *
 * @param size    number of vertices
 * @param heads   source vertex per edge
 * @param tails   target vertex per edge
 * @param weights weight per edge, in (0, 1] for a fuzzy set
 */
public record WeightedEdges(int size, int[] heads, int[] tails, double[] weights) {

  /** Checks that the arrays are parallel. */
  public WeightedEdges {
    if (heads.length != tails.length || heads.length != weights.length) {
      throw new IllegalArgumentException("heads, tails, weights have " + heads.length + ", " + tails.length + ", "
          + weights.length + " entries");
    }
  }

  /** Number of directed edges. */
  public int edgeCount() {
    return heads.length;
  }

  /** The weight of edge (i, j), 0 if absent (linear scan; for tests and small graphs). */
  public double weight(int i, int j) {
    for (int e = 0; e < heads.length; e++) {
      if (heads[e] == i && tails[e] == j) {
        return weights[e];
      }
    }
    return 0;
  }
}
