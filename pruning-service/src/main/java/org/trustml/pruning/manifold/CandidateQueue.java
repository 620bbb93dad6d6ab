package org.trustml.pruning.manifold;

import java.util.Arrays;

/**
 * A growable min-heap of (distance, id), nearest first, ties by the smaller id: the candidate set C of HNSW's layer
 * search. Reused across searches through {@link #clear()}.
 */
final class CandidateQueue {

  private int[] ids = new int[64];
  private double[] distances = new double[64];
  private int size;

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int nearestId() {
    return ids[0];
  }

  double nearestDistance() {
    return distances[0];
  }

  void push(int id, double distance) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, 2 * size);
      distances = Arrays.copyOf(distances, 2 * size);
    }
    int pos = size++;
    while (pos > 0) {
      int parent = (pos - 1) / 2;
      if (!before(distance, id, distances[parent], ids[parent])) {
        break;
      }
      ids[pos] = ids[parent];
      distances[pos] = distances[parent];
      pos = parent;
    }
    ids[pos] = id;
    distances[pos] = distance;
  }

  /** Removes the nearest entry. */
  void pop() {
    size--;
    if (size == 0) {
      return;
    }
    int id = ids[size];
    double distance = distances[size];
    int pos = 0;
    while (true) {
      int child = 2 * pos + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(distances[child + 1], ids[child + 1], distances[child], ids[child])) {
        child++;
      }
      if (!before(distances[child], ids[child], distance, id)) {
        break;
      }
      ids[pos] = ids[child];
      distances[pos] = distances[child];
      pos = child;
    }
    ids[pos] = id;
    distances[pos] = distance;
  }

  private static boolean before(double d1, int j1, double d2, int j2) {
    return d1 < d2 || (d1 == d2 && j1 < j2);
  }
}
