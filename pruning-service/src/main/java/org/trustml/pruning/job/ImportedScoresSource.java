package org.trustml.pruning.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.CsvReader;

/**
 * An {@link ImportedScores} table checked on its catalog entry (a CSV table with a numeric, complete score column and
 * as many rows as the embeddings) and read into a {@link ScoreTable}; every refusal is a 400 naming the parameter.
 */
final class ImportedScoresSource {

  static final String FIELD = "params.scoresDataset";

  private final DatasetDescriptor table;
  private final String column;
  private final String labelColumn;

  private ImportedScoresSource(DatasetDescriptor table, String column, String labelColumn) {
    this.table = table;
    this.column = column;
    this.labelColumn = labelColumn;
  }

  /**
   * @param samples the number of embeddings the scores must cover
   */
  static ImportedScoresSource resolve(CatalogClient catalog, String owner, ImportedScores in, long samples) {
    DatasetDescriptor d = EmbeddingsSource.dataset(catalog, owner, in.dataset(), FIELD + ".dataset");
    if (!"csv".equals(d.format())) {
      throw PruningProblems.of("unsupported-format", FIELD + ".dataset", "dataset " + d.id() + " is " + d.format()
          + "; imported scores are a column of a CSV table");
    }
    List<String> names = d.schema().stream().map(ColumnInfo::name).toList();
    String column = in.columnOrDefault();
    ColumnInfo info = d.schema().stream().filter(c -> c.name().equals(column)).findFirst()
        .orElseThrow(() -> PruningProblems.unknownColumn(FIELD + ".column", column, names));
    if (!CsvNumbers.numeric(info)) {
      throw invalid(FIELD + ".column", "column '" + column + "' of dataset " + d.id() + " holds " + info.type()
          + " values; scores must be finite numbers");
    }
    if (info.missing() > 0) {
      throw invalid(FIELD + ".column", "column '" + column + "' of dataset " + d.id() + " has " + info.missing()
          + " missing values; every sample needs a score");
    }
    String label = in.labelColumn() != null ? in.labelColumn()
        : d.labelColumn() != null ? d.labelColumn() : names.contains("label") ? "label" : null;
    if (label != null && !names.contains(label)) {
      throw PruningProblems.unknownColumn(FIELD + ".labelColumn", label, names);
    }
    if (d.rows() != samples) {
      throw PruningProblems.sizeMismatch(FIELD + ".dataset", "dataset " + d.id() + " has " + d.rows()
          + " scores for " + samples + " embeddings");
    }
    return new ImportedScoresSource(d, column, label);
  }

  String datasetId() {
    return table.id();
  }

  String sha256() {
    return table.artifact().sha256();
  }

  long bytes() {
    return table.artifact().sizeBytes();
  }

  /**
   * The scores, and the label of each row (the embeddings' own labels when the table has no label column, so the
   * match check passes by construction).
   */
  ScoreTable load(ArtifactStore store, LabelledEmbeddings data) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (InputStream in = store.open(sha256()); CsvReader csv = CsvReader.open(in, EmbeddingsSource.CSV)) {
      List<String> names = csv.columnNames();
      int s = names.indexOf(column);
      int l = labelColumn == null ? -1 : names.indexOf(labelColumn);
      if (s < 0) {
        throw PruningProblems.unknownColumn(FIELD + ".column", column, names);
      }
      while (csv.hasNext()) {
        String[] row = csv.next();
        String raw = row[s];
        double v = CsvNumbers.value(raw);
        if (!Double.isFinite(v)) {
          throw invalid(FIELD + ".column", "row " + scores.size() + " of dataset " + table.id() + " has score '"
              + raw + "'; scores must be finite numbers");
        }
        scores.add(v);
        if (l >= 0) {
          labels.add(row[l].strip());
        }
      }
    }
    if (labelColumn == null) {
      for (int i = 0; i < scores.size(); i++) {
        labels.add(i < data.size() ? data.labelOf(i) : "");
      }
    }
    double[] values = new double[scores.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = scores.get(i);
    }
    return new ScoreTable(labels, values);
  }

  private static RuntimeException invalid(String field, String detail) {
    return PruningProblems.of("invalid-scores", field, detail);
  }
}
