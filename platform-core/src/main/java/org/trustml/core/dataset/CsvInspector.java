package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a CSV file in one streaming pass (see {@link CsvReader} for what is malformed) and profiles
 * it: row count, per-column type, missing and distinct counts, samples and range, and a preview of the
 * first rows. Memory does not grow with the number of rows.
 */
public final class CsvInspector {

  /** How many records the preview holds. */
  public static final int PREVIEW_ROWS = 20;

  private CsvInspector() {}

  /** Inspects a CSV file with a header row, comma-separated; the stream is read but not closed. */
  public static DatasetSummary inspect(InputStream in) throws IOException {
    return inspect(in, CsvOptions.defaults());
  }

  /**
   * Inspects a CSV file; the stream is read to its end but not closed.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-csv} with {@code line} and
   *     {@code column} of the first problem
   */
  public static DatasetSummary inspect(InputStream in, CsvOptions options) throws IOException {
    CsvReader reader = CsvReader.open(in, options); // not closed: the caller owns the stream
    List<String> names = reader.columnNames();
    ColumnProfiler[] profilers = new ColumnProfiler[names.size()];
    Arrays.setAll(profilers, i -> new ColumnProfiler());
    List<List<String>> preview = new ArrayList<>();
    try {
      while (reader.hasNext()) {
        String[] row = reader.next();
        if (preview.size() < PREVIEW_ROWS) {
          preview.add(List.of(row));
        }
        for (int i = 0; i < row.length; i++) {
          profilers[i].accept(row[i]);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<ColumnSchema> schemas = new ArrayList<>(names.size());
    for (int i = 0; i < profilers.length; i++) {
      schemas.add(profilers[i].toSchema(names.get(i)));
    }
    return new DatasetSummary(DatasetFormat.CSV, reader.rowsRead(), names.size(), schemas, List.of(), null, preview,
        List.of());
  }
}
