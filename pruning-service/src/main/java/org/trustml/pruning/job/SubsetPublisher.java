package org.trustml.pruning.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.dataset.CsvWriter;
import org.trustml.core.dataset.NpyRows;
import org.trustml.core.job.JobContext;

/**
 * Writes the kept rows of the source datasets in their own format (NPY rows byte for byte, CSV records field for
 * field) and registers them in the catalog with lineage to the sources and to the job.
 */
final class SubsetPublisher {

  /** The registered subset: the embeddings and, for NPY input with labels, the labels. */
  record Published(String dataset, String labelsDataset) {}

  private SubsetPublisher() {}

  static Published publish(JobContext ctx, EmbeddingsSource source, int[] kept, String name) throws IOException {
    Lineage lineage = new Lineage(source.datasetIds(), "pruning", ctx.jobId().toString());
    DatasetDescriptor d = source.embeddings();
    if ("npy".equals(d.format())) {
      String embeddings = register(ctx, name, "npy", npyRows(ctx, d, kept), null, List.of(), lineage);
      String labels = source.labels() == null ? null
          : register(ctx, name + "-labels", "npy", npyRows(ctx, source.labels(), kept), null, List.of(), lineage);
      return new Published(embeddings, labels);
    }
    return new Published(register(ctx, name, "csv", csvRows(ctx, d, kept), source.labelColumn(),
        d.protectedColumns() == null ? List.of() : d.protectedColumns(), lineage), null);
  }

  private static byte[] npyRows(JobContext ctx, DatasetDescriptor d, int[] kept) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ctx.artifacts().open(d.artifact().sha256())) {
      NpyRows.select(in, kept, out);
    }
    return out.toByteArray();
  }

  private static byte[] csvRows(JobContext ctx, DatasetDescriptor d, int[] kept) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ctx.artifacts().open(d.artifact().sha256());
        CsvReader csv = CsvReader.open(in, EmbeddingsSource.CSV); CsvWriter w = new CsvWriter(out)) {
      w.row(csv.columnNames());
      int row = 0;
      int next = 0;
      while (csv.hasNext() && next < kept.length) {
        String[] record = csv.next();
        if (row++ == kept[next]) {
          w.row(record);
          next++;
        }
      }
      if (next < kept.length) {
        throw new IllegalStateException("dataset " + d.id() + " ended after " + row + " rows; sample "
            + kept[next] + " was to be kept");
      }
    }
    return out.toByteArray();
  }

  private static String register(JobContext ctx, String name, String format, byte[] bytes, String labelColumn,
      List<String> protectedColumns, Lineage lineage) {
    ctx.checkCancelled();
    String media = "npy".equals(format) ? "application/x-npy" : "text/csv";
    ArtifactRef ref = ctx.writeArtifact(name + "." + format, media, bytes);
    return ctx.catalog().registerDataset(new DatasetRegistration(ctx.owner(), name, ref, format, labelColumn,
        protectedColumns, lineage)).id();
  }
}
