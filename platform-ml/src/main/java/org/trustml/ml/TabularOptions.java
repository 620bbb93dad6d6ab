package org.trustml.ml;

import org.trustml.core.dataset.CsvOptions;

/**
 * How the tabular loader reads and encodes a CSV file.
 *
 * @param csv how to parse the file (delimiter, header, trimming), as platform-core's reader takes it
 * @param missing what to do with missing values
 * @param standardize whether numeric features become (x − mean) / std (population std, as scikit-learn's
 *     StandardScaler; a constant column is only centred); one-hot and boolean features are never scaled
 */
public record TabularOptions(CsvOptions csv, MissingValuePolicy missing, boolean standardize) {

  /** Checks the values. */
  public TabularOptions {
    if (csv == null || missing == null) {
      throw new IllegalArgumentException("csv and missing must not be null");
    }
  }

  /** A comma-separated file with a header row; rows with missing values dropped; no scaling. */
  public static TabularOptions defaults() {
    return new TabularOptions(CsvOptions.defaults(), MissingValuePolicy.DROP_ROWS, false);
  }

  /** The same options with other CSV options. */
  public TabularOptions withCsv(CsvOptions options) {
    return new TabularOptions(options, missing, standardize);
  }

  /** The same options with another missing-value policy. */
  public TabularOptions withMissing(MissingValuePolicy policy) {
    return new TabularOptions(csv, policy, standardize);
  }

  /** The same options, standardising numeric features or not. */
  public TabularOptions withStandardize(boolean on) {
    return new TabularOptions(csv, missing, on);
  }
}
