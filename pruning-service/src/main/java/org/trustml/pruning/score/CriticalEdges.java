package org.trustml.pruning.score;

import java.util.Arrays;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PersistencePairs;

/**
 * The edges π whose lengths a diagram is made of: for H0 the merging edge of every finite pair, for H1 the edge
 * that creates the cycle and the longest edge of the triangle that fills it (Moor et al., arXiv 1906.00722). Stored
 * as vertex pairs; an edge appears once per pair that uses it, as the loss sums over pairs.
 */
final class CriticalEdges {

  private final int[] ends;

  private CriticalEdges(int[] ends) {
    this.ends = ends;
  }

  static CriticalEdges of(PersistenceDiagram diagram, int maxDimension) {
    int[] ends = new int[16];
    int count = 0;
    for (int dim = 0; dim <= maxDimension; dim++) {
      PersistencePairs pairs = diagram.dimension(dim);
      for (int k = 0; k < pairs.size(); k++) {
        if (ends.length < count + 4) {
          ends = Arrays.copyOf(ends, 2 * ends.length + 4);
        }
        if (pairs.hasBirthEdge(k)) {
          ends[count++] = pairs.birthVertex(k, 0);
          ends[count++] = pairs.birthVertex(k, 1);
        }
        if (pairs.hasDeathEdge(k)) {
          ends[count++] = pairs.deathVertex(k, 0);
          ends[count++] = pairs.deathVertex(k, 1);
        }
      }
    }
    return new CriticalEdges(Arrays.copyOf(ends, count));
  }

  int size() {
    return ends.length / 2;
  }

  int a(int e) {
    return ends[2 * e];
  }

  int b(int e) {
    return ends[2 * e + 1];
  }
}
