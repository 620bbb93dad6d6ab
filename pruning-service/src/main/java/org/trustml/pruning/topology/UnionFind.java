package org.trustml.pruning.topology;

/** Disjoint sets over 0..n-1 with path halving; the root is always the component's smallest vertex. */
public final class UnionFind {

  private final int[] parent;

  public UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  public int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /**
   * Merges two distinct roots. Elder rule: every vertex is born at 0, so the tie is broken by vertex index and the
   * component rooted at the larger vertex dies into the other.
   */
  public void linkRoots(int rootA, int rootB) {
    if (rootA < rootB) {
      parent[rootB] = rootA;
    } else {
      parent[rootA] = rootB;
    }
  }
}
