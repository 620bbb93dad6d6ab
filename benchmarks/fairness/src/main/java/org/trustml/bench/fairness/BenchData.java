package org.trustml.bench.fairness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Adult: sex (Male non-protected), race (White), age in bands with 25 < age < 60 non-protected. */
  public static final FairSchema ADULT = new FairSchema("income", ">50K", List.of(
      ProtectedSpec.of("sex", "Male"), ProtectedSpec.of("race", "White"),
      new ProtectedSpec("age", "25_60", List.of(25.0, 45.0, 65.0))), List.of(), List.of(), MissingValuePolicy.IMPUTE);

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

  /** Adult's official split, the test file encoded with the training file's encoding. */
  public static TrainTest adult(Path root) throws IOException {
    FairProblemLoader.Loaded train = FairProblemLoader.fit(ByteSource.of(Adult.train(root)), ADULT);
    FairProblem test = FairProblemLoader.apply(ByteSource.of(Adult.test(root)), train.encoding(), ADULT).problem();
    return new TrainTest(train.problem(), alignGroups(test, train.problem()));
  }

  /** The filtered COMPAS table (5,278 rows), to be split. */
  public static FairProblem compas(Path root) throws IOException {
    return FairProblemLoader.fit(ByteSource.of(Compas.table(root)), COMPAS).problem();
  }

  /**
   * Recodes {@code other}'s attribute values and cells into {@code reference}'s index space. The loader numbers
   * values and cells by those present in each table, so a separately loaded test split may number them
   * differently; values or cells the reference lacks are appended after its own.
   */
  static FairProblem alignGroups(FairProblem other, FairProblem reference) {
    List<FairProblem.Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < other.attributes().size(); j++) {
      FairProblem.Attribute a = other.attributes().get(j);
      List<String> values = new ArrayList<>(reference.attributes().get(j).values());
      int[] codes = recode(a.codes(), a.values(), values);
      attributes.add(new FairProblem.Attribute(a.name(), values, codes, a.nonProtected()));
    }
    List<String> cellNames = new ArrayList<>(reference.cellNames());
    int[] cells = recode(other.cells(), other.cellNames(), cellNames);
    return new FairProblem(other.featureNames(), other.features(), other.labels(), attributes, cells, cellNames);
  }

  private static int[] recode(int[] codes, List<String> names, List<String> target) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < target.size(); i++) {
      index.put(target.get(i), i);
    }
    int[] map = new int[names.size()];
    for (int c = 0; c < names.size(); c++) {
      Integer at = index.get(names.get(c));
      if (at == null) {
        at = target.size();
        target.add(names.get(c));
        index.put(names.get(c), at);
      }
      map[c] = at;
    }
    int[] out = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = map[codes[i]];
    }
    return out;
  }
}
