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

  /** Adult with sex, race and age also as model inputs (MFBPP's setting). */
  public static final FairSchema ADULT_AWARE = aware(ADULT);

  /**
   * COMPAS: race (Caucasian non-protected), sex (Male non-protected). MMM and every gap are absolute, so which side
   * is called protected changes no reported number.
   */
  public static final FairSchema COMPAS = new FairSchema("two_year_recid", "1", List.of(
      ProtectedSpec.of("race", "Caucasian"), ProtectedSpec.of("sex", "Male")), List.of(), List.of(),
      MissingValuePolicy.DROP_ROWS);

  /** COMPAS with race and sex also as model inputs, as MFBPP's COMPAS runs had them. */
  public static final FairSchema COMPAS_AWARE = aware(COMPAS);

  /** A training and a test part whose group and cell codes mean the same values. */
  public record TrainTest(FairProblem train, FairProblem test) {}

  private BenchData() {}

  private static FairSchema aware(FairSchema s) {
    return new FairSchema(s.label(), s.positive(), s.protectedAttributes(), s.features(), s.ignored(), s.missing(),
        true);
  }

  /** Adult's official split: the encoding fitted on {@code adult.data}, applied to {@code adult.test}. */
  public static TrainTest adult(Path root) throws IOException {
    return adult(root, ADULT);
  }

  /** Adult's official split under another schema (e.g. with the protected columns as inputs). */
  public static TrainTest adult(Path root, FairSchema schema) throws IOException {
    FairProblemLoader.Loaded train = FairProblemLoader.fit(ByteSource.of(Adult.train(root)), schema);
    FairProblemLoader.Loaded test = FairProblemLoader.apply(ByteSource.of(Adult.test(root)), train);
    return new TrainTest(train.problem(), test.problem());
  }

  /** The filtered COMPAS table (5,278 rows), to be split. */
  public static FairProblem compas(Path root, FairSchema schema) throws IOException {
    return FairProblemLoader.fit(ByteSource.of(Compas.table(root)), schema).problem();
  }
}
