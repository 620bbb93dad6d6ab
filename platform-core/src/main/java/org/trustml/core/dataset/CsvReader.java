package org.trustml.core.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a CSV file record by record, holding one record at a time, and checks its structure: strict
 * UTF-8, a header row with non-blank, unique names (or names given in {@link CsvOptions}), every record
 * as wide as the header, every quote closed. The first problem is thrown as a {@code malformed-csv}
 * {@link org.trustml.core.web.ProblemException} with its {@code line} (physical, 1-based, counting the
 * header and skipped lines) and {@code column} (the 1-based field).
 *
 * <p>Problems of a record are thrown by {@link #hasNext()}, which reads ahead one record; after one,
 * the reader should be abandoned. I/O failures of the stream come out of the iterator methods as
 * {@link UncheckedIOException}.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(in, CsvOptions.defaults())) {
 *   List<String> names = csv.columnNames();
 *   while (csv.hasNext()) {
 *     String[] row = csv.next();
 *   }
 * }
 * }</pre>
 */
public final class CsvReader implements Iterator<String[]>, Closeable {

  private final InputStream in;
  private final CsvRecordParser parser;
  private final CsvOptions options;
  private List<String> columnNames;
  private List<String> lookahead;
  private long lookaheadLine;
  private long line;
  private long rows;
  private boolean done;

  private CsvReader(InputStream in, CsvOptions options) {
    this.in = in;
    this.options = options;
    this.parser = new CsvRecordParser(in, options);
  }

  /**
   * Opens a reader: skips the configured lines and reads the header row (or takes the given names).
   * The stream is closed by {@link #close()}.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-csv} if the file is empty (no record
   *     after the skipped lines) or the header has a blank or duplicate name
   */
  public static CsvReader open(InputStream in, CsvOptions options) throws IOException {
    CsvReader reader = new CsvReader(in, options);
    reader.start();
    return reader;
  }

  /** Opens a reader with {@link CsvOptions#defaults()}. */
  public static CsvReader open(InputStream in) throws IOException {
    return open(in, CsvOptions.defaults());
  }

  private void start() throws IOException {
    parser.skipLines(options.skipLines());
    List<String> first = nextNonBlank();
    if (first == null) {
      throw Problems.csv("the file is empty: there is no " + (options.hasHeader() ? "header row" : "record"), parser.recordLine());
    }
    if (options.hasHeader()) {
      columnNames = checkNames(first, parser.recordLine());
      return;
    }
    if (options.columnNames() != null) {
      columnNames = checkNames(options.columnNames(), -1);
    } else {
      List<String> generated = new ArrayList<>();
      for (int i = 1; i <= first.size(); i++) {
        generated.add("column" + i);
      }
      columnNames = List.copyOf(generated);
    }
    accept(first, parser.recordLine());
  }

  /**
   * Names must be non-blank and unique: they become the columns' identities downstream. A repeated
   * header name is renamed instead if the options say so.
   */
  private List<String> checkNames(List<String> names, long headerLine) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> checked = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        if (headerLine < 0) {
          throw new IllegalArgumentException("column name " + (i + 1) + " is blank");
        }
        throw Problems.csv("the header's column " + (i + 1) + " has an empty name", headerLine, i + 1);
      }
      Integer before = seen.get(name);
      if (before != null) {
        if (headerLine < 0) {
          throw new IllegalArgumentException("column name '" + name + "' is given twice");
        }
        if (!options.renameDuplicateColumns()) {
          throw Problems.csv(
              "the header's column " + (i + 1) + " repeats the name '" + name + "' of column " + before,
              headerLine,
              i + 1);
        }
        name = unusedName(name, names, seen);
      }
      seen.put(name, i + 1);
      checked.add(name);
    }
    return List.copyOf(checked);
  }

  /** {@code name.1}, {@code name.2}, ... : the first that no column has or will have. */
  private static String unusedName(String name, List<String> names, Map<String, Integer> seen) {
    for (int k = 1; ; k++) {
      String candidate = name + "." + k;
      if (!seen.containsKey(candidate) && !names.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** The column names, from the header row or the options. */
  public List<String> columnNames() {
    return columnNames;
  }

  /**
   * Whether another record follows; reads it (and checks it) if not already read.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-csv} if the next record is malformed
   */
  @Override
  public boolean hasNext() {
    if (lookahead != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      List<String> record = nextNonBlank();
      if (record == null) {
        done = true;
        return false;
      }
      accept(record, parser.recordLine());
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next record, as wide as {@link #columnNames()}. */
  @Override
  public String[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String[] record = lookahead.toArray(new String[0]);
    line = lookaheadLine;
    lookahead = null;
    rows++;
    return record;
  }

  /** The physical line (1-based) on which the record last returned by {@link #next()} began. */
  public long line() {
    return line;
  }

  /** How many records {@link #next()} has returned. */
  public long rowsRead() {
    return rows;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private void accept(List<String> record, long recordLine) {
    int expected = columnNames.size();
    if (record.size() != expected) {
      int column = Math.min(record.size(), expected) + 1;
      throw Problems.csv(
              "expected " + expected + " fields (as the " + (options.hasHeader() ? "header" : "column names")
                  + ") but found " + record.size(),
              recordLine,
              column)
          .with("expected", expected)
          .with("actual", record.size());
    }
    lookahead = record;
    lookaheadLine = recordLine;
  }

  private List<String> nextNonBlank() throws IOException {
    List<String> record;
    do {
      record = parser.next();
    } while (record != null && options.skipBlankLines() && parser.wasBlank());
    return record;
  }
}
