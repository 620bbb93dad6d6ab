package org.trustml.gateway.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.dataset.ColumnSchema;
import org.trustml.core.dataset.DatasetFormat;
import org.trustml.core.dataset.DatasetSummary;
import org.trustml.core.web.ProblemException;
import org.trustml.gateway.GatewayProperties;

/**
 * Datasets: uploads are spooled, inspected and checked before they are stored, so a bad file leaves nothing behind;
 * datasets made by jobs are registered with their lineage after the same inspection of their stored bytes.
 */
@Service
class DatasetCatalog {

  private final DatasetRepository repository;
  private final ArtifactStore artifacts;
  private final Lineages lineages;
  private final long maxUpload;

  DatasetCatalog(DatasetRepository repository, ArtifactStore artifacts, Lineages lineages,
      GatewayProperties props) {
    this.repository = repository;
    this.artifacts = artifacts;
    this.lineages = lineages;
    this.maxUpload = props.maxUploadSize().toBytes();
  }

  DatasetDescriptor upload(String owner, DatasetUpload upload, InputStream body) throws IOException {
    ModelCatalog.requireName(upload.name());
    try (UploadSpool spool = UploadSpool.of(body, maxUpload)) {
      if (spool.size() == 0) {
        throw ProblemException.badRequest("empty-upload", "the uploaded file is empty").with("field", "body");
      }
      DatasetFormat format = DatasetInspection.format(upload.format(), spool::open);
      DatasetSummary summary;
      try (InputStream in = spool.open()) {
        summary = DatasetInspection.inspect(format, in, upload.csvOptions());
      }
      List<ColumnInfo> schema = roles(summary, upload.labelColumn(), upload.protectedColumns());
      ArtifactRef ref;
      try (InputStream in = spool.open()) {
        ref = artifacts.put(in, format.mediaType(), upload.name());
      }
      return save(owner, upload.name(), format, ref, summary, schema, upload.labelColumn(),
          upload.protectedColumns(), Lineage.upload());
    }
  }

  DatasetDescriptor register(DatasetRegistration r) {
    ModelCatalog.requireName(r.name());
    lineages.requireParents(r.owner(), r.lineage());
    try {
      if (!artifacts.exists(r.artifact().sha256())) {
        throw ProblemException.badRequest("unknown-artifact", "no stored artifact " + r.artifact().sha256())
            .with("field", "artifact");
      }
      DatasetFormat format = DatasetInspection.format(r.format(), () -> artifacts.open(r.artifact().sha256()));
      DatasetSummary summary;
      try (InputStream in = artifacts.open(r.artifact().sha256())) {
        summary = DatasetInspection.inspect(format, in, null);
      }
      List<String> protectedColumns = r.protectedColumns() == null ? List.of() : r.protectedColumns();
      List<ColumnInfo> schema = roles(summary, r.labelColumn(), protectedColumns);
      ArtifactRef ref = new ArtifactRef(r.artifact().sha256(), artifacts.size(r.artifact().sha256()),
          format.mediaType(), r.name());
      return save(r.owner(), r.name(), format, ref, summary, schema, r.labelColumn(), protectedColumns,
          r.lineage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DatasetDescriptor save(String owner, String name, DatasetFormat format, ArtifactRef ref,
      DatasetSummary summary, List<ColumnInfo> schema, String label, List<String> protectedColumns,
      Lineage lineage) {
    DatasetDescriptor d = new DatasetDescriptor(Ids.next("ds"), owner, name, format.id(), ref,
        summary.rows(), summary.columns(), schema, label, List.copyOf(protectedColumns), summary.shape(),
        summary.dtype(), lineage, OffsetDateTime.now(), summary.classes());
    repository.insert(d, previewWithHeader(summary));
    return get(owner, d.id());
  }

  /** The columns with their roles; a role naming a column the table does not have is a 400 naming it. */
  static List<ColumnInfo> roles(DatasetSummary summary, String label, List<String> protectedColumns) {
    Set<String> names = new LinkedHashSet<>();
    summary.columnSchemas().forEach(c -> names.add(c.name()));
    boolean table = summary.format() == DatasetFormat.CSV;
    if (summary.format() == DatasetFormat.IMAGE_FOLDER && (hasText(label) || !protectedColumns.isEmpty())) {
      // the class folders are the labels; there are no columns to mark
      throw ProblemException.badRequest("invalid-roles", "an image folder is labelled by its class folders; label "
          + "and protected do not apply").with("field", hasText(label) ? "label" : "protected");
    }
    if (hasText(label)) {
      if (!table) {
        throw ProblemException.badRequest("unknown-column", "label applies to tables; an array dataset has none")
            .with("field", "label");
      }
      if (!names.contains(label)) {
        throw ProblemException.badRequest("unknown-column", "label column '" + label + "' is not among " + names)
            .with("field", "label").with("column", label);
      }
    }
    for (String p : protectedColumns) {
      if (!names.contains(p)) {
        throw ProblemException.badRequest("unknown-column", "protected column '" + p + "' is not among " + names)
            .with("field", "protected").with("column", p);
      }
      if (p.equals(label)) {
        throw ProblemException.badRequest("invalid-roles", "column '" + p + "' cannot be label and protected")
            .with("field", "protected").with("column", p);
      }
    }
    List<ColumnInfo> out = new ArrayList<>();
    for (ColumnSchema c : summary.columnSchemas()) {
      String role = c.name().equals(label) ? "LABEL" : protectedColumns.contains(c.name()) ? "PROTECTED" : "FEATURE";
      out.add(new ColumnInfo(c.name(), c.type().name(), role, c.missing(), c.distinct()));
    }
    return out;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  private static List<List<String>> previewWithHeader(DatasetSummary summary) {
    if (summary.columnSchemas().isEmpty()) {
      return List.of();
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(summary.columnSchemas().stream().map(ColumnSchema::name).toList());
    rows.addAll(summary.preview());
    return rows;
  }

  DatasetDescriptor get(String owner, String id) {
    return repository.find(owner, id).orElseThrow(() -> ProblemException.notFound("dataset", id));
  }

  List<List<String>> preview(String owner, String id) {
    return repository.preview(owner, id).orElseThrow(() -> ProblemException.notFound("dataset", id));
  }

  List<DatasetDescriptor> list(String owner, int limit) {
    return repository.list(owner, Math.max(1, Math.min(limit, 1000)));
  }
}
