package org.trustml.pruning.manifold;

/**
 * HNSW's neighbour-selection heuristic (Malkov &amp; Yashunin 2018, Algorithm 4, without extending the candidates):
 * walk the candidates nearest first and keep one only if it is closer to the base than to every neighbour kept so
 * far, so that links point in different directions and bridge clusters; with {@code keepPruned}, fill the remaining
 * places with the nearest discarded candidates (the paper's keepPrunedConnections).
 */
final class NeighborSelection {

  /** Dissimilarity of two indexed points. */
  interface PairDistance {
    double between(int a, int b);
  }

  private NeighborSelection() {}

  /**
   * @param ids        candidate ids, sorted by distance to the base, ties by id (not modified)
   * @param distances  their distances to the base
   * @param count      how many of the arrays' entries are candidates
   * @param max        the most neighbours to keep (M)
   * @param out        receives the kept ids in the order they were kept (length ≥ min(count, max))
   * @return how many were kept
   */
  static int select(int[] ids, double[] distances, int count, int max, boolean keepPruned, PairDistance distance,
      int[] out) {
    int kept = 0;
    int[] pruned = keepPruned ? new int[count] : null;
    int prunedCount = 0;
    for (int c = 0; c < count && kept < max; c++) {
      int e = ids[c];
      boolean closerToBase = true;
      for (int r = 0; r < kept && closerToBase; r++) {
        closerToBase = distances[c] < distance.between(e, out[r]);
      }
      if (closerToBase) {
        out[kept++] = e;
      } else if (keepPruned) {
        pruned[prunedCount++] = e;
      }
    }
    for (int p = 0; p < prunedCount && kept < max; p++) {
      out[kept++] = pruned[p];
    }
    return kept;
  }
}
