package org.trustml.core.dataset;

import java.util.List;

/**
 * What inspecting a dataset file found; produced only for files that are well formed.
 *
 * @param format the file's format (an image folder reads as an array: see {@link ImageFolderInspector})
 * @param rows CSV: data records (the header row, skipped and blank lines excluded); IDX/NPY: the first
 *     dimension (1 for a 0-d NPY scalar)
 * @param columns CSV: columns per record; IDX/NPY: the product of the remaining dimensions
 * @param columnSchemas CSV: one per column; IDX/NPY: empty
 * @param shape IDX/NPY: the full shape; CSV: empty
 * @param dtype IDX/NPY: the element type as a numpy name ({@code uint8}, {@code float32}, ...); CSV: null
 * @param preview CSV: the first {@value CsvInspector#PREVIEW_ROWS} records as strings; IDX/NPY: empty
 * @param classes image folder: the class folders in code order (sorted) with their image counts; otherwise empty
 */
public record DatasetSummary(
    DatasetFormat format,
    long rows,
    int columns,
    List<ColumnSchema> columnSchemas,
    List<Integer> shape,
    String dtype,
    List<List<String>> preview,
    List<ImageClass> classes) {

  /** Copies the lists, so the record stays immutable. */
  public DatasetSummary {
    columnSchemas = List.copyOf(columnSchemas);
    shape = List.copyOf(shape);
    preview = preview.stream().map(List::copyOf).toList();
    classes = List.copyOf(classes);
  }

  /** The summary of an n-dimensional array (IDX or NPY): rows and columns derived from the shape. */
  static DatasetSummary ofArray(DatasetFormat format, int[] shape, String dtype) {
    long rows = shape.length == 0 ? 1 : shape[0];
    long columns = 1;
    for (int i = 1; i < shape.length; i++) {
      columns *= shape[i];
    }
    // The columns of a huge trailing shape cannot be an int; -1 says "see shape" rather than lying.
    int cols = columns > Integer.MAX_VALUE ? -1 : (int) columns;
    return new DatasetSummary(format, rows, cols, List.of(), Shapes.toList(shape), dtype, List.of(),
        List.of());
  }
}
