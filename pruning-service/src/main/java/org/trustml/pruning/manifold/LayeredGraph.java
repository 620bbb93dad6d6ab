package org.trustml.pruning.manifold;

/**
 * HNSW's graph store: per node its top layer, and per layer a bounded list of out-neighbours (at most
 * {@code maxDegree0} on layer 0, {@code maxDegree} above, as the paper's M_max0 and M_max). Layer 0 is one flat array
 * for all nodes; the upper layers, which hold a fraction 1/M of the nodes, are allocated per node. Each list is
 * stored as its length followed by its ids.
 */
final class LayeredGraph {

  private final int maxDegree;
  private final int maxDegree0;
  private final int[] levels;
  private final int[] layer0;
  private final int[][] upper;

  /** @param levels each node's top layer (not copied) */
  LayeredGraph(int[] levels, int maxDegree, int maxDegree0) {
    this.maxDegree = maxDegree;
    this.maxDegree0 = maxDegree0;
    this.levels = levels;
    this.layer0 = new int[levels.length * (maxDegree0 + 1)];
    this.upper = new int[levels.length][];
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] > 0) {
        upper[i] = new int[levels[i] * (maxDegree + 1)];
      }
    }
  }

  int size() {
    return levels.length;
  }

  int level(int node) {
    return levels[node];
  }

  /** The most neighbours a node may have on {@code layer}. */
  int maxDegree(int layer) {
    return layer == 0 ? maxDegree0 : maxDegree;
  }

  int degree(int node, int layer) {
    return layer == 0 ? layer0[node * (maxDegree0 + 1)] : upper[node][(layer - 1) * (maxDegree + 1)];
  }

  int neighbor(int node, int layer, int r) {
    return layer == 0 ? layer0[node * (maxDegree0 + 1) + 1 + r] : upper[node][(layer - 1) * (maxDegree + 1) + 1 + r];
  }

  /** Replaces the node's list on {@code layer} by the first {@code count} of {@code ids}. */
  void setNeighbors(int node, int layer, int[] ids, int count) {
    if (count > maxDegree(layer)) {
      throw new IllegalArgumentException(count + " neighbours exceed the layer's maximum " + maxDegree(layer));
    }
    int[] store = layer == 0 ? layer0 : upper[node];
    int base = layer == 0 ? node * (maxDegree0 + 1) : (layer - 1) * (maxDegree + 1);
    store[base] = count;
    System.arraycopy(ids, 0, store, base + 1, count);
  }

  /** Appends {@code id} to the node's list on {@code layer}; false (and nothing changes) when the list is full. */
  boolean add(int node, int layer, int id) {
    int[] store = layer == 0 ? layer0 : upper[node];
    int base = layer == 0 ? node * (maxDegree0 + 1) : (layer - 1) * (maxDegree + 1);
    int count = store[base];
    if (count == maxDegree(layer)) {
      return false;
    }
    store[base + 1 + count] = id;
    store[base] = count + 1;
    return true;
  }
}
