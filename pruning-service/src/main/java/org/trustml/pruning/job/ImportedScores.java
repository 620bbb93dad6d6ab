package org.trustml.pruning.job;

import jakarta.validation.constraints.NotBlank;

/**
 * Per-sample scores computed elsewhere (score import: precomputed EL2N, AUM, forgetting counts, or a
 * {@code scores.csv} this service exported): a numeric column of a catalog CSV table with one row per sample, in the
 * order of the embeddings.
 *
 * @param dataset     catalog id of the CSV table
 * @param column      the score column; default {@code score} (the column of an exported {@code scores.csv})
 * @param labelColumn a column holding each row's label, checked against the embeddings' labels so scores of other
 *                    data are refused; default the table's registered label column, else {@code label} when the
 *                    table has one, else no check
 */
public record ImportedScores(@NotBlank String dataset, String column, String labelColumn) {

  static final String DEFAULT_COLUMN = "score";

  String columnOrDefault() {
    return column != null ? column : DEFAULT_COLUMN;
  }
}
