package org.trustml.ml;

import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.MissingValues;

/**
 * Encodes rows that arrive one by one as column → value maps (a prediction request) with a fitted encoding, the way
 * {@link TabularLoader#encode} encodes a file: a missing feature takes the fitted fill value under
 * {@link MissingValuePolicy#IMPUTE} and is refused under {@link MissingValuePolicy#DROP_ROWS}.
 */
public final class RowEncoder {

  private RowEncoder() {}

  /**
   * The features of every row, row-major.
   *
   * @throws IllegalArgumentException naming the row and column of a missing or non-numeric value
   */
  public static float[] features(TabularEncoding encoding, List<Map<String, String>> rows) {
    int width = encoding.width();
    float[] out = new float[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      Map<String, String> row = rows.get(r);
      int offset = r * width;
      for (FeatureEncoding feature : encoding.features()) {
        String raw = row.get(feature.column());
        if (raw == null || MissingValues.isMissing(raw)) {
          if (encoding.missing() == MissingValuePolicy.DROP_ROWS) {
            throw new IllegalArgumentException("row " + r + " has no value for feature '" + feature.column()
                + "', and the model was trained without imputation");
          }
          raw = feature.fill();
        }
        try {
          feature.encode(raw.strip(), out, offset);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "row " + r + ": '" + raw + "' in column '" + feature.column() + "' is not a number", e);
        }
        offset += feature.width();
      }
    }
    return out;
  }
}
