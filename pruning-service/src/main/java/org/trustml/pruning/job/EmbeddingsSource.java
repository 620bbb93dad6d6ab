package org.trustml.pruning.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.dataset.NpyArray;
import org.trustml.core.dataset.NpyIntArray;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.web.ProblemException;

/**
 * The catalog datasets an {@link EmbeddingsInput} names, checked on what the catalog knows of them (format, shape,
 * columns, their types and missing values) when resolved, and on their values when loaded. Every problem is a 400
 * naming the parameter; loading gives the same problem whether it runs before queueing or inside the job.
 */
final class EmbeddingsSource {

  /** How CSV tables are read: as the gateway registers them, duplicate names renamed. */
  static final CsvOptions CSV = CsvOptions.defaults().withRenamedDuplicateColumns(true);

  private static final Set<String> INTEGER_DTYPES = Set.of("bool", "int8", "uint8", "int16", "uint16", "int32",
      "uint32", "int64", "uint64");

  private final String field;
  private final DatasetDescriptor embeddings;
  private final DatasetDescriptor labels;
  private final String labelColumn;
  private final List<String> features;

  private EmbeddingsSource(String field, DatasetDescriptor embeddings, DatasetDescriptor labels, String labelColumn,
      List<String> features) {
    this.field = field;
    this.embeddings = embeddings;
    this.labels = labels;
    this.labelColumn = labelColumn;
    this.features = features;
  }

  /**
   * Looks the datasets up as {@code owner} and checks them on their catalog entries.
   *
   * @param field the parameter holding the input, e.g. {@code params.embeddings}
   */
  static EmbeddingsSource resolve(CatalogClient catalog, String owner, EmbeddingsInput in, String field) {
    DatasetDescriptor d = dataset(catalog, owner, in.dataset(), field + ".dataset");
    switch (d.format()) {
      case "npy" -> {
        if (in.labelColumn() != null || in.features() != null) {
          throw PruningProblems.of("invalid-params", field, "labelColumn and features are for CSV tables; dataset "
              + d.id() + " is an NPY array (give its labels as an NPY dataset in 'labels')");
        }
        if (d.shape().size() < 2 || d.rows() < 1 || d.columns() < 1) {
          throw PruningProblems.invalidEmbeddings(field + ".dataset", "NPY embeddings must have shape (n, D) with "
              + "n, D ≥ 1; dataset " + d.id() + " has shape " + d.shape());
        }
        DatasetDescriptor l = in.labels() == null ? null : labels(catalog, owner, in.labels(), d, field + ".labels");
        return new EmbeddingsSource(field, d, l, null, List.of());
      }
      case "csv" -> {
        if (in.labels() != null) {
          throw PruningProblems.of("invalid-params", field + ".labels", "labels is for NPY embeddings; dataset "
              + d.id() + " is a CSV table, name its label column in 'labelColumn'");
        }
        String label = in.labelColumn() != null ? in.labelColumn() : d.labelColumn();
        List<String> names = d.schema().stream().map(ColumnInfo::name).toList();
        if (label != null && !names.contains(label)) {
          throw PruningProblems.unknownColumn(field + ".labelColumn", label, names);
        }
        List<String> chosen = in.features() != null ? in.features()
            : names.stream().filter(c -> !c.equals(label)).toList();
        for (String c : chosen) {
          ColumnInfo info = d.schema().stream().filter(i -> i.name().equals(c)).findFirst()
              .orElseThrow(() -> PruningProblems.unknownColumn(field + ".features", c, names));
          checkNumeric(info, field + ".dataset");
        }
        if (chosen.isEmpty()) {
          throw PruningProblems.invalidEmbeddings(field + ".features", "no embedding columns: the table has only "
              + names);
        }
        if (chosen.contains(label)) {
          throw PruningProblems.of("invalid-params", field + ".features", "the label column '" + label
              + "' cannot be an embedding column");
        }
        return new EmbeddingsSource(field, d, null, label, List.copyOf(chosen));
      }
      default -> throw PruningProblems.of("unsupported-format", field + ".dataset", "dataset " + d.id() + " is "
          + d.format() + "; embeddings are an NPY array or a CSV table");
    }
  }

  /** A catalog dataset of the tenant, or a 400 {@code unknown-dataset} naming {@code field}. */
  static DatasetDescriptor dataset(CatalogClient catalog, String owner, String id, String field) {
    DatasetDescriptor d;
    try {
      d = catalog.dataset(owner, id);
    } catch (ProblemException e) {
      if (e.status() != HttpStatus.NOT_FOUND) {
        throw e;
      }
      d = null;
    }
    if (d == null) {
      throw PruningProblems.of("unknown-dataset", field, "no dataset '" + id + "' in the catalog");
    }
    return d;
  }

  private static DatasetDescriptor labels(CatalogClient catalog, String owner, String id, DatasetDescriptor points,
      String field) {
    DatasetDescriptor l = dataset(catalog, owner, id, field);
    boolean vector = l.shape().size() == 1 || (l.shape().size() == 2 && l.shape().get(1) == 1);
    if (!"npy".equals(l.format()) || !vector || !INTEGER_DTYPES.contains(l.dtype())) {
      throw PruningProblems.of("invalid-labels", field, "labels must be an NPY vector of integers, shape (n,); "
          + "dataset " + l.id() + " is " + l.format() + (l.dtype() == null ? "" : " " + l.dtype() + " of shape "
          + l.shape()));
    }
    if (l.rows() != points.rows()) {
      throw PruningProblems.sizeMismatch(field, "dataset " + l.id() + " has " + l.rows() + " labels for "
          + points.rows() + " embeddings");
    }
    return l;
  }

  private static void checkNumeric(ColumnInfo c, String field) {
    if (!CsvNumbers.numeric(c)) {
      throw PruningProblems.invalidEmbeddings(field, "column '" + c.name() + "' holds " + c.type()
          + " values; embeddings must be finite numbers").with("column", c.name());
    }
    if (c.missing() > 0) {
      throw PruningProblems.invalidEmbeddings(field, "column '" + c.name() + "' has " + c.missing()
          + " missing values (empty, NA or NaN); embeddings must be finite numbers").with("column", c.name());
    }
  }

  /** Samples, as the catalog counted them. */
  long rows() {
    return embeddings.rows();
  }

  /** Bytes {@link #load} reads. */
  long bytes() {
    return embeddings.artifact().sizeBytes() + (labels == null ? 0 : labels.artifact().sizeBytes());
  }

  DatasetDescriptor embeddings() {
    return embeddings;
  }

  /** The labels dataset, or null (CSV, or one class). */
  DatasetDescriptor labels() {
    return labels;
  }

  /** CSV: the label column, or null. */
  String labelColumn() {
    return labelColumn;
  }

  /** The catalog ids read: the new datasets' lineage. */
  List<String> datasetIds() {
    List<String> ids = new ArrayList<>(List.of(embeddings.id()));
    if (labels != null) {
      ids.add(labels.id());
    }
    return ids;
  }

  /** The content digests of those datasets, in the same order. */
  List<String> sha256() {
    List<String> digests = new ArrayList<>(List.of(embeddings.artifact().sha256()));
    if (labels != null) {
      digests.add(labels.artifact().sha256());
    }
    return digests;
  }

  /** Reads the values; NaN or infinite embeddings are a 400 naming the dataset. */
  LabelledEmbeddings load(ArtifactStore store) throws IOException {
    return "npy".equals(embeddings.format()) ? loadNpy(store) : loadCsv(store);
  }

  private LabelledEmbeddings loadNpy(ArtifactStore store) throws IOException {
    NpyArray array;
    try (InputStream in = store.open(embeddings.artifact().sha256())) {
      array = NpyReader.readFloats(in);
    }
    int n = array.shape()[0];
    int dimension = n == 0 ? 0 : array.data().length / n;
    double[] points = array.doubles();
    long bad = 0;
    int first = -1;
    for (int i = 0; i < points.length; i++) {
      if (!Double.isFinite(points[i])) {
        first = bad++ == 0 ? i : first;
      }
    }
    if (bad > 0) {
      throw PruningProblems.invalidEmbeddings(field + ".dataset", bad + " of the " + points.length + " values of "
          + "dataset " + embeddings.id() + " are NaN or infinite (as float32), the first at sample " + first / dimension
          + ", column " + first % dimension + " (" + array.data()[first] + ")");
    }
    String[] values = new String[n];
    if (labels == null) {
      Arrays.fill(values, "0");
    } else {
      NpyIntArray l;
      try (InputStream in = store.open(labels.artifact().sha256())) {
        l = NpyReader.readInts(in);
      }
      if (l.data().length != n) {
        throw PruningProblems.sizeMismatch(field + ".labels", "dataset " + labels.id() + " has " + l.data().length
            + " labels for " + n + " embeddings");
      }
      for (int i = 0; i < n; i++) {
        values[i] = Integer.toString(l.data()[i]);
      }
    }
    LabelCoding.Coded coded = LabelCoding.of(values);
    return new LabelledEmbeddings(points, dimension, coded.codes(), coded.classes());
  }

  private LabelledEmbeddings loadCsv(ArtifactStore store) throws IOException {
    List<double[]> rows = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int dimension = features.size();
    try (InputStream in = store.open(embeddings.artifact().sha256()); CsvReader csv = CsvReader.open(in, CSV)) {
      List<String> names = csv.columnNames();
      int[] columns = new int[dimension];
      for (int c = 0; c < dimension; c++) {
        columns[c] = names.indexOf(features.get(c));
        if (columns[c] < 0) {
          throw PruningProblems.unknownColumn(field + ".features", features.get(c), names);
        }
      }
      int label = labelColumn == null ? -1 : names.indexOf(labelColumn);
      if (labelColumn != null && label < 0) {
        throw PruningProblems.unknownColumn(field + ".labelColumn", labelColumn, names);
      }
      while (csv.hasNext()) {
        String[] record = csv.next();
        double[] row = new double[dimension];
        for (int c = 0; c < dimension; c++) {
          row[c] = finite(record[columns[c]], rows.size(), features.get(c));
        }
        rows.add(row);
        values.add(label < 0 ? "0" : record[label].strip());
      }
    }
    double[] points = new double[rows.size() * dimension];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, points, i * dimension, dimension);
    }
    LabelCoding.Coded coded = LabelCoding.of(values.toArray(String[]::new));
    return new LabelledEmbeddings(points, dimension, coded.codes(), coded.classes());
  }

  private double finite(String raw, int row, String column) {
    double v = CsvNumbers.value(raw);
    if (!Double.isFinite(v)) {
      throw PruningProblems.invalidEmbeddings(field + ".dataset", "row " + row + ", column '" + column + "' is '"
          + raw + "'; embeddings must be finite numbers").with("column", column);
    }
    return v;
  }
}
