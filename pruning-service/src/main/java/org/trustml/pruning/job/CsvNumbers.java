package org.trustml.pruning.job;

import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.dataset.MissingValues;

/** How the pruning jobs read numbers from catalog CSV tables: the embeddings' columns and imported scores. */
final class CsvNumbers {

  private CsvNumbers() {}

  /** Whether the catalog profiled the column as numbers. */
  static boolean numeric(ColumnInfo column) {
    return "INTEGER".equals(column.type()) || "NUMBER".equals(column.type());
  }

  /** The field's value; NaN for a missing or unparseable one, so the caller's finiteness check names the cell. */
  static double value(String raw) {
    try {
      return MissingValues.isMissing(raw) ? Double.NaN : Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
