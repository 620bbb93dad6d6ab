package org.trustml.gateway.catalog;

import java.util.List;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.web.ProblemException;

/**
 * How to read and label an uploaded dataset.
 *
 * @param format csv, idx, npy or image-folder; detected from the bytes when null
 * @param labelColumn the target column of a table
 * @param protectedColumns columns holding protected attributes (sex, race, age band…)
 * @param delimiter CSV field separator, a comma when null
 * @param header whether the first CSV line names the columns (true when null)
 * @param columnNames CSV column names when the file has no header
 * @param trim whether to trim spaces around CSV fields (UCI files put one after each comma)
 */
record DatasetUpload(String name, String format, String labelColumn, List<String> protectedColumns,
    Character delimiter, Boolean header, List<String> columnNames, Boolean trim) {

  DatasetUpload {
    protectedColumns = protectedColumns == null ? List.of() : List.copyOf(protectedColumns);
  }

  CsvOptions csvOptions() {
    // repeated header names (COMPAS has two) become name.1, name.2 as pandas reads them, visible in the schema
    CsvOptions o = CsvOptions.defaults().withRenamedDuplicateColumns(true);
    if (delimiter != null) {
      o = o.withDelimiter(delimiter);
    }
    if (Boolean.FALSE.equals(header)) {
      if (columnNames == null || columnNames.isEmpty()) {
        throw ProblemException.badRequest("invalid-request", "a CSV without a header needs its column names")
            .with("field", "columns");
      }
      o = o.withoutHeader().withColumnNames(columnNames);
    }
    if (Boolean.TRUE.equals(trim)) {
      o = o.withTrimFields(true);
    }
    return o;
  }
}
