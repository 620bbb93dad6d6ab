package org.trustml.core.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that {@link CsvReader} reads back field for field: UTF-8, comma-separated, {@code \n} line ends,
 * and RFC 4180 quoting of a field that holds a comma, a quote, a line break, or surrounding spaces.
 */
public final class CsvWriter implements AutoCloseable {

  private final Writer out;

  public CsvWriter(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  /** Writes one record. */
  public CsvWriter row(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write('\n');
    return this;
  }

  public CsvWriter row(String... fields) throws IOException {
    return row(List.of(fields));
  }

  /** The field as it must be written. */
  public static String field(String value) {
    boolean quote = !value.isEmpty() && (value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.strip().length() != value.length());
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** Flushes; the stream stays open. */
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes and closes the stream. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
