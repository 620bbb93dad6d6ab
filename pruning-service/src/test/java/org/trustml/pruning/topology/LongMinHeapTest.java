package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LongMinHeapTest {

  @Test
  void pivotIsTheSmallestEntryWithOddMultiplicity() {
    Random random = new Random(345);
    LongMinHeap heap = new LongMinHeap();
    TreeMap<Long, Integer> counts = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      long v = random.nextInt(300);
      heap.push(v);
      counts.merge(v, 1, Integer::sum);
    }
    for (var e : counts.entrySet()) {
      if (e.getValue() % 2 == 1) {
        assertThat(heap.popPivot()).isEqualTo(e.getKey());
      }
    }
    assertThat(heap.popPivot()).isEqualTo(-1);
    assertThat(heap.isEmpty()).isTrue();
  }

  @Test
  void hashMapStoresAndGrows() {
    LongIntHashMap map = new LongIntHashMap(2);
    for (int i = 0; i < 1000; i++) {
      map.put(i * 7919L, i);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(map.get(i * 7919L)).isEqualTo(i);
    }
    assertThat(map.get(3)).isEqualTo(-1);
  }
}
