package org.trustml.bench.fairness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.data.sets.Adult;
import org.trustml.fairness.data.sets.Compas;
import org.trustml.ml.ByteSource;
import org.trustml.ml.MissingValuePolicy;

/** The benchmark's two data sets as {@link FairProblem}s, with the schemas stated once here. */
public final class BenchData {

  /**
   * Adult: sex (Male non-protected), race (White), age non-protected for 25 < age < 60 (mmm-fair's Adult setting)
   * and cut at 26 and 60 for the cells, so that the middle band is exactly that range.
   */
  public static final FairSchema ADULT = new FairSchema("income", ">50K", List.of(
      ProtectedSpec.of("sex", "Male"), ProtectedSpec.of("race", "White"),
      new ProtectedSpec("age", "25_60", List.of(26.0, 60.0))), List.of(), List.of(), MissingValuePolicy.IMPUTE);

  /**
   * COMPAS: race (Caucasian non-protected), sex (Male non-protected). MMM and every gap are absolute, so which side
   * is called protected changes no reported number.
   */
  public static final FairSchema COMPAS = new FairSchema("two_year_recid", "1", List.of(
      ProtectedSpec.of("race", "Caucasian"), ProtectedSpec.of("sex", "Male")), List.of(), List.of(),
      MissingValuePolicy.DROP_ROWS);

  /** A training and a test part whose group and cell codes mean the same values. */
  public record TrainTest(FairProblem train, FairProblem test) {}

  private BenchData() {}

  /**
   * Adult's official split. Both files are loaded as one table and split back by row: the loader's fitted encoding
   * treats a protected numeric column as categories, so a test age absent from training would be "(unseen)" and
   * fail the 25_60 range (see the report). Loading together shares the one-hot vocabulary and the imputed modes
   * between the splits; no label information crosses.
   */
  public static TrainTest adult(Path root) throws IOException {
    byte[] train = Adult.train(root);
    byte[] test = Adult.test(root);
    int header = indexOf(test, (byte) '\n') + 1;
    byte[] both = new byte[train.length + test.length - header];
    System.arraycopy(train, 0, both, 0, train.length);
    System.arraycopy(test, header, both, train.length, test.length - header);
    FairProblemLoader.Loaded loaded = FairProblemLoader.fit(ByteSource.of(both), ADULT);
    int trainRows = lines(train) - 1;
    if (loaded.droppedRows() != 0) {
      throw new IllegalStateException("Adult lost " + loaded.droppedRows() + " rows; the split by row needs all");
    }
    FairProblem all = loaded.problem();
    return new TrainTest(all.subset(range(0, trainRows)), all.subset(range(trainRows, all.rows())));
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lines(byte[] bytes) {
    int n = 0;
    for (byte b : bytes) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  /** The filtered COMPAS table (5,278 rows), to be split. */
  public static FairProblem compas(Path root) throws IOException {
    return FairProblemLoader.fit(ByteSource.of(Compas.table(root)), COMPAS).problem();
  }
}
