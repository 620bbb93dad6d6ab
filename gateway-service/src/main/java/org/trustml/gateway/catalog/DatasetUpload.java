package org.trustml.gateway.catalog;

import java.util.List;

/**
 * How to read and label an uploaded dataset.
 *
 * @param format csv, idx or npy; detected from the bytes when null
 * @param labelColumn the target column of a table
 * @param protectedColumns columns holding protected attributes (sex, race, age band…)
 * @param delimiter CSV field separator, a comma when null
 */
record DatasetUpload(String name, String format, String labelColumn, List<String> protectedColumns,
    Character delimiter) {

  DatasetUpload {
    protectedColumns = protectedColumns == null ? List.of() : List.copyOf(protectedColumns);
  }
}
