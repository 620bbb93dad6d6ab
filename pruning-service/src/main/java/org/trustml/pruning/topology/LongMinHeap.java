package org.trustml.pruning.topology;

import java.util.Arrays;

/** A binary min-heap of non-negative longs, without boxing; holds the columns of the reduction. */
final class LongMinHeap {

  private long[] heap = new long[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  void push(long value) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long p = heap[parent];
      if (p <= value) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = value;
  }

  long peek() {
    return heap[0];
  }

  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      long c = heap[child];
      int right = child + 1;
      if (right < size && heap[right] < c) {
        child = right;
        c = heap[right];
      }
      if (last <= c) {
        break;
      }
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  /** Removes and returns the smallest entry that occurs an odd number of times (Z/2 sum), or -1 when none is left. */
  long popPivot() {
    while (size > 0) {
      long top = pop();
      if (size > 0 && heap[0] == top) {
        pop();
      } else {
        return top;
      }
    }
    return -1;
  }

  /** Like {@link #popPivot()} but leaves the pivot in the heap. */
  long pivot() {
    long p = popPivot();
    if (p >= 0) {
      push(p);
    }
    return p;
  }
}
