package org.trustml.pruning.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombinatorialIndexTest {

  @Test
  void edgeAndTriangleIndicesAreDenseAndDecodeBack() {
    int n = 40;
    CombinatorialIndex index = new CombinatorialIndex(n);
    long expected = 0;
    for (int b = 1; b < n; b++) {
      for (int a = 0; a < b; a++) {
        long e = index.edge(a, b);
        assertThat(e).isEqualTo(expected++);
        assertThat(index.edgeUpper(e)).isEqualTo(b);
        assertThat(index.edgeLower(e, b)).isEqualTo(a);
      }
    }
    assertThat(expected).isEqualTo(index.edgeCount());

    expected = 0;
    for (int c = 2; c < n; c++) {
      for (int b = 1; b < c; b++) {
        for (int a = 0; a < b; a++) {
          long t = index.triangle(a, b, c);
          assertThat(t).isEqualTo(expected++);
          assertThat(index.triangleUpper(t)).isEqualTo(c);
        }
      }
    }
    assertThat(expected).isEqualTo(index.triangleCount());
  }

  @Test
  void edgeDecodingSurvivesLargeIndices() {
    int n = EdgeFiltration.MAX_POINTS;
    CombinatorialIndex index = new CombinatorialIndex(n);
    for (int b : new int[] {n - 1, n - 2, 30_000, 4_097}) {
      for (int a : new int[] {0, 1, b / 2, b - 1}) {
        long e = index.edge(a, b);
        assertThat(index.edgeUpper(e)).isEqualTo(b);
        assertThat(index.edgeLower(e, b)).isEqualTo(a);
      }
    }
  }
}
