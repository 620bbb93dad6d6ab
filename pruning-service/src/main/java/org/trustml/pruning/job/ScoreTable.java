package org.trustml.pruning.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.dataset.CsvWriter;

/**
 * The per-sample scores artifact, {@value #NAME}: columns {@code index,label,score}, one row per sample in dataset
 * order, scores written so that they read back to the same double.
 *
 * @param labels the label value of each sample
 * @param scores the score of each sample
 */
record ScoreTable(List<String> labels, double[] scores) {

  static final String NAME = "scores.csv";
  static final List<String> HEADER = List.of("index", "label", "score");

  static ScoreTable of(LabelledEmbeddings data, double[] scores) {
    List<String> labels = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      labels.add(data.labelOf(i));
    }
    return new ScoreTable(labels, scores);
  }

  byte[] toCsv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter w = new CsvWriter(out)) {
      w.row(HEADER);
      for (int i = 0; i < scores.length; i++) {
        w.row(Integer.toString(i), labels.get(i), Double.toString(scores[i]));
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads a scores artifact.
   *
   * @throws IllegalArgumentException when it is not one: other columns, indices out of order, a score that is not a
   *                                  finite number
   */
  static ScoreTable read(InputStream in) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (CsvReader csv = CsvReader.open(in, EmbeddingsSource.CSV)) {
      if (!csv.columnNames().equals(HEADER)) {
        throw new IllegalArgumentException("its columns are " + csv.columnNames() + ", not " + HEADER);
      }
      while (csv.hasNext()) {
        String[] row = csv.next();
        if (!row[0].equals(Integer.toString(labels.size()))) {
          throw new IllegalArgumentException("row " + labels.size() + " has index " + row[0]);
        }
        double score;
        try {
          score = Double.parseDouble(row[2]);
        } catch (NumberFormatException e) {
          score = Double.NaN;
        }
        if (!Double.isFinite(score)) {
          throw new IllegalArgumentException("the score of sample " + labels.size() + " is '" + row[2] + "'");
        }
        labels.add(row[1]);
        scores.add(score);
      }
    }
    return new ScoreTable(labels, scores.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
