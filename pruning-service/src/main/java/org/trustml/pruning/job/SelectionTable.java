package org.trustml.pruning.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.trustml.core.dataset.CsvWriter;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.pruning.selection.SelectionResult;

/**
 * The select job's per-sample outputs: {@value #CSV} (index, label, kept, and for a scored selection the score, its
 * rank by descending score and CCS stratum, −1 where none) and {@value #KEPT} (the kept ids, int64, ascending).
 */
final class SelectionTable {

  static final String CSV = "selection.csv";
  static final String KEPT = "kept.npy";

  private SelectionTable() {}

  /**
   * @param scored the scores and the selection made from them, or null for a method without scores
   */
  static byte[] csv(LabelledEmbeddings data, boolean[] kept, double[] scores, SelectionResult scored)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter w = new CsvWriter(out)) {
      if (scored == null) {
        w.row("index", "label", "kept");
      } else {
        w.row("index", "label", "kept", "score", "rank", "stratum");
      }
      for (int i = 0; i < data.size(); i++) {
        if (scored == null) {
          w.row(Integer.toString(i), data.labelOf(i), Boolean.toString(kept[i]));
        } else {
          w.row(Integer.toString(i), data.labelOf(i), Boolean.toString(kept[i]), Double.toString(scores[i]),
              Integer.toString(scored.rank()[i]), Integer.toString(scored.stratum()[i]));
        }
      }
    }
    return out.toByteArray();
  }

  static byte[] keptNpy(int[] kept) {
    return NpyWriter.int64(kept);
  }
}
