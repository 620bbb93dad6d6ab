package org.trustml.core.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * The registry's entry point: detects the format of an upload (gunzipping it if compressed) and
 * inspects it with the matching inspector, streaming. A malformed file throws a 400
 * {@link org.trustml.core.web.ProblemException} saying where; the caller should store nothing then.
 */
public final class DatasetInspector {

  private DatasetInspector() {}

  /** Detects the format from the name and content, then inspects; CSV with default options. */
  public static DatasetSummary inspect(String fileName, InputStream in) throws IOException {
    return inspect(fileName, in, CsvOptions.defaults());
  }

  /**
   * Detects the format (see {@link DatasetFormat#detect(String, InputStream)}) and inspects the content.
   * The stream is read to its end but not closed.
   *
   * @param csvOptions how to read the file if it turns out to be CSV
   * @throws org.trustml.core.web.ProblemException {@code unsupported-format}, {@code malformed-csv},
   *     {@code malformed-idx}, {@code malformed-npy} or {@code malformed-image-folder}
   */
  public static DatasetSummary inspect(String fileName, InputStream in, CsvOptions csvOptions) throws IOException {
    InputStream content = Decompression.gunzipIfNeeded(in);
    return inspect(DatasetFormat.detect(fileName, content), content, csvOptions);
  }

  /** Inspects content of a known format (gunzipping it if compressed). */
  public static DatasetSummary inspect(DatasetFormat format, InputStream in, CsvOptions csvOptions) throws IOException {
    InputStream content = Decompression.gunzipIfNeeded(in);
    return switch (format) {
      case CSV -> CsvInspector.inspect(content, csvOptions);
      case IDX -> IdxInspector.inspect(content);
      case NPY -> NpyInspector.inspect(content);
      case IMAGE_FOLDER -> ImageFolderInspector.inspect(content);
    };
  }
}
