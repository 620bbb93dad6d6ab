package org.trustml.fairness.job;

import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ByteSource;

/** Catalog tables as the fairness jobs read them. */
final class Tables {

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

  static ByteSource bytes(JobContext ctx, DatasetDescriptor d) {
    return ByteSource.of(ctx.artifacts(), d.artifact().sha256());
  }
}
