package org.trustml.gateway.catalog;

import java.io.IOException;
import java.io.InputStream;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.DatasetFormat;
import org.trustml.core.dataset.DatasetInspector;
import org.trustml.core.dataset.DatasetSummary;
import org.trustml.core.dataset.Decompression;
import org.trustml.core.web.ProblemException;

/** The catalog's use of platform-core's inspectors: the declared format, or the one the bytes show. */
final class DatasetInspection {

  /** Opens the content afresh. */
  interface Source {
    InputStream open() throws IOException;
  }

  private DatasetInspection() {}

  static DatasetFormat format(String declared, Source source) throws IOException {
    if (declared != null && !declared.isBlank()) {
      return DatasetFormat.fromId(declared).orElseThrow(() -> ProblemException.badRequest("unsupported-format",
          "format must be csv, idx, npy or image-folder, was '" + declared + "'").with("field", "format"));
    }
    try (InputStream in = source.open()) {
      return DatasetFormat.detect(null, Decompression.gunzipIfNeeded(in));
    }
  }

  static DatasetSummary inspect(DatasetFormat format, InputStream in, CsvOptions options) throws IOException {
    return DatasetInspector.inspect(format, in, options == null ? CsvOptions.defaults() : options);
  }
}
