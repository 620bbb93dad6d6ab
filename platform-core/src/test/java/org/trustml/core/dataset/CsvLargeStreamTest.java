package org.trustml.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/** A generated 200k-row CSV streams through the inspector quickly and in flat memory. */
class CsvLargeStreamTest {

  private static final int ROWS = 200_000;

  @Test
  void inspectsTwoHundredThousandRowsInFlatMemory() throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] heapAt = new long[2];
    GeneratedCsv csv =
        new GeneratedCsv(
            ROWS,
            row -> {
              // heap after a full collection, early and late: what the inspector retains, not its garbage
              if (row == 20_000 || row == ROWS - 1) {
                System.gc();
                heapAt[row == 20_000 ? 0 : 1] = memory.getHeapMemoryUsage().getUsed();
              }
            });

    long start = System.nanoTime();
    DatasetSummary summary = CsvInspector.inspect(csv);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(summary.rows()).isEqualTo(ROWS);
    assertThat(summary.columns()).isEqualTo(5);
    assertThat(summary.columnSchemas())
        .extracting(ColumnSchema::type)
        .containsExactly(ColumnType.INTEGER, ColumnType.STRING, ColumnType.NUMBER, ColumnType.BOOLEAN, ColumnType.STRING);
    assertThat(summary.columnSchemas().get(0).distinct()).isEqualTo(-1);
    assertThat(summary.columnSchemas().get(1).distinct()).isEqualTo(7);
    assertThat(summary.columnSchemas().get(2).max()).isEqualTo(999 / 8.0);
    assertThat(summary.preview()).hasSize(20);

    long growth = heapAt[1] - heapAt[0];
    System.out.printf(
        "CSV stream: %d rows, %.1f MB in %d ms; retained heap growth between row 20k and row 200k: %.2f MB%n",
        ROWS, csv.bytesServed() / 1e6, millis, growth / 1e6);
    // the file is ~12.6 MB of UTF-8 (far more as Java strings and arrays): holding rows would show here
    assertThat(csv.bytesServed()).isGreaterThan(10_000_000L);
    assertThat(growth).isLessThan(4_000_000L);
    assertThat(millis).isLessThan(5_000L);
  }
}
