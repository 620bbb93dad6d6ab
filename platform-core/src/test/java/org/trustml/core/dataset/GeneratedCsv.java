package org.trustml.core.dataset;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * A CSV file generated row by row as it is read, so a test can stream a large file without ever
 * holding it: {@code id,group,value,flag,note} with {@code rows} data rows.
 */
final class GeneratedCsv extends InputStream {

  private final long rows;
  private final LongConsumer onRow;
  private long row = -1; // -1: the header comes next
  private byte[] current = new byte[0];
  private int pos;
  private long bytes;

  /** @param onRow called with the row number before each row is generated (for measurements) */
  GeneratedCsv(long rows, LongConsumer onRow) {
    this.rows = rows;
    this.onRow = onRow;
  }

  long bytesServed() {
    return bytes;
  }

  private boolean advance() {
    if (row >= rows) {
      return false;
    }
    String line;
    if (row < 0) {
      line = "id,group,value,flag,note\n";
    } else {
      onRow.accept(row);
      line = row + ",g" + (row % 7) + "," + (row % 1000) / 8.0 + "," + (row % 2 == 0) + ",\"note, number " + row + " of a generated file\"\n";
    }
    row++;
    current = line.getBytes(StandardCharsets.UTF_8);
    pos = 0;
    return true;
  }

  @Override
  public int read() {
    if (pos == current.length && !advance()) {
      return -1;
    }
    bytes++;
    return current[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pos == current.length && !advance()) {
        break;
      }
      int chunk = Math.min(len - n, current.length - pos);
      System.arraycopy(current, pos, b, off + n, chunk);
      pos += chunk;
      n += chunk;
    }
    bytes += n;
    return n == 0 ? -1 : n;
  }
}
