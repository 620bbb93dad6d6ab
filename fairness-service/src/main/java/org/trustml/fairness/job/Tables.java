package org.trustml.fairness.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.job.JobContext;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ByteSource;

/** Catalog tables as the fairness jobs read them. */
final class Tables {

  /** How the fairness jobs parse tables, as the fairness loader does. */
  static final CsvOptions CSV = CsvOptions.defaults().withRenamedDuplicateColumns(true);

  private Tables() {}

  /** The dataset, which must be a CSV table; a 400 naming the parameter otherwise. */
  static DatasetDescriptor csv(JobContext ctx, String id, String field) {
    DatasetDescriptor d = ctx.catalog().dataset(ctx.owner(), id);
    if (!"csv".equals(d.format())) {
      throw ProblemException.badRequest("unsupported-format", "dataset " + d.id() + " is " + d.format()
          + "; this job reads a CSV table").with("field", field);
    }
    return d;
  }

  /** Checks that the table has every named column; a 400 naming the first missing one otherwise. */
  static void requireColumns(ByteSource source, List<String> columns) throws IOException {
    List<String> names;
    try (InputStream in = source.open(); CsvReader reader = CsvReader.open(in, CSV)) {
      names = reader.columnNames();
    }
    for (String c : columns) {
      if (!names.contains(c)) {
        throw ProblemException.badRequest("unknown-column", "the dataset has no column '" + c + "'; it has " + names)
            .with("column", c);
      }
    }
  }

  static ByteSource bytes(JobContext ctx, DatasetDescriptor d) {
    return ByteSource.of(ctx.artifacts(), d.artifact().sha256());
  }
}
