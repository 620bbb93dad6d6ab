package org.trustml.fairness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.trustml.fairness.metrics.Fixtures.bits;
import static org.trustml.fairness.metrics.Fixtures.chars;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.trustml.core.web.ProblemException;

/** Every bad input is a 400 problem with its code, naming the field and the column to fix. */
class ValidationTest {

  private final FairnessMetrics metrics = new FairnessMetrics(Fixtures.plain());

  private static ProblemException problem(Runnable r) {
    ProblemException e = catchThrowableOfType(ProblemException.class, r::run);
    assertThat(e).as("a ProblemException").isNotNull();
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    return e;
  }

  private static void assertProblem(ProblemException e, String code, String field, String column) {
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.properties()).containsEntry("field", field);
    if (column != null) {
      assertThat(e.properties()).containsEntry("column", column);
      assertThat(e.getMessage()).contains(column);
    }
  }

  @Test
  void labelNotBinary() {
    ProblemException e = problem(() -> Predictions.of(new int[] {0, 1, 2}, new int[] {0, 1, 1}));
    assertProblem(e, InputProblems.LABEL_NOT_BINARY, "yTrue", "yTrue");
    assertThat(e.properties()).containsEntry("row", 2).containsEntry("value", 2);
    assertProblem(problem(() -> Predictions.of(new int[] {0, 1, 1}, new int[] {0, -1, 1})),
        InputProblems.LABEL_NOT_BINARY, "yPred", "yPred");
  }

  @Test
  void labelNotBinaryNamesTheCallersColumn() {
    assertProblem(problem(() -> Predictions.of("income", new int[] {0, 5}, "predicted", new int[] {0, 1}, "s", null)),
        InputProblems.LABEL_NOT_BINARY, "yTrue", "income");
  }

  @Test
  void lengthMismatch() {
    assertProblem(problem(() -> Predictions.of(bits("0101"), bits("010"))), InputProblems.LENGTH_MISMATCH,
        "yPred", "yPred");
    assertProblem(problem(() -> Predictions.of(bits("0101"), bits("0101"), new double[] {.1, .2})),
        InputProblems.LENGTH_MISMATCH, "scores", "scores");
    assertProblem(problem(() -> Fixtures.attributes("sex", chars("FM"), "race", chars("ABA"))),
        InputProblems.LENGTH_MISMATCH, "protected", "race");
    Predictions p = Predictions.of(bits("0101"), bits("0101"));
    ProtectedAttributes three = ProtectedAttributes.of("sex", chars("FMF"));
    assertProblem(problem(() -> metrics.evaluate(p, three)), InputProblems.LENGTH_MISMATCH, "protected", "sex");
    assertProblem(problem(() -> metrics.sequential(bits("0101"), List.of(bits("01")), null,
        ProtectedAttributes.of("sex", chars("FMFM")), Metric.SELECTION_RATE)),
        InputProblems.LENGTH_MISMATCH, "stages", "stage1");
  }

  @Test
  void singleValuedAttribute() {
    assertProblem(problem(() -> Fixtures.attributes("race", chars("ABAB"), "sex", chars("FFFF"))),
        InputProblems.SINGLE_VALUED_ATTRIBUTE, "protected", "sex");
  }

  @Test
  void noProtectedAttribute() {
    assertProblem(problem(() -> ProtectedAttributes.of(Map.of())), InputProblems.NO_PROTECTED_ATTRIBUTE,
        "protected", null);
    assertProblem(problem(() -> ProtectedAttributes.of((Map<String, String[]>) null)),
        InputProblems.NO_PROTECTED_ATTRIBUTE, "protected", null);
  }

  @Test
  void emptyInput() {
    assertProblem(problem(() -> Predictions.of(new int[0], new int[0])), InputProblems.EMPTY_INPUT, "yTrue",
        "yTrue");
    assertProblem(problem(() -> Predictions.of(bits("01"), null)), InputProblems.EMPTY_INPUT, "yPred", "yPred");
    assertProblem(problem(() -> ProtectedAttributes.of("sex", new String[0])), InputProblems.EMPTY_INPUT,
        "protected", "sex");
    assertProblem(problem(() -> metrics.sequential(bits("01"), List.of(), null,
        ProtectedAttributes.of("sex", chars("FM")), Metric.SELECTION_RATE)), InputProblems.EMPTY_INPUT, "stages",
        "stages");
  }

  @Test
  void missingValue() {
    ProblemException e = problem(() -> ProtectedAttributes.of("sex", new String[] {"F", null, "M"}));
    assertProblem(e, InputProblems.MISSING_VALUE, "protected", "sex");
    assertThat(e.properties()).containsEntry("row", 1);
  }

  @Test
  void unknownColumn() {
    Predictions p = Predictions.of(bits("0101"), bits("0110"));
    ProtectedAttributes a = ProtectedAttributes.of("sex", chars("FMFM"));
    assertProblem(problem(() -> metrics.marginal(p, a, "race")), InputProblems.UNKNOWN_COLUMN, "protected", "race");
    assertProblem(problem(() -> metrics.intersectional(p, a, List.of("sex", "age"))), InputProblems.UNKNOWN_COLUMN,
        "protected", "age");
    assertProblem(problem(() -> metrics.intersectional(p, a, List.of("sex", "sex"))), InputProblems.INVALID_OPTION,
        "columns", null);
    FairnessMetrics withNonProtected = new FairnessMetrics(Fixtures.plain().withNonProtected(Map.of("gender", "M")));
    assertProblem(problem(() -> withNonProtected.evaluate(p, a)), InputProblems.UNKNOWN_COLUMN, "nonProtected",
        "gender");
    assertProblem(problem(() -> withNonProtected.mmm(p, a)), InputProblems.UNKNOWN_COLUMN, "nonProtected", "gender");
  }

  @Test
  void emptyGroup() {
    Predictions p = Predictions.of(bits("0101"), bits("0110"));
    ProtectedAttributes a = ProtectedAttributes.of("sex", chars("FMFM"));
    ProblemException e = problem(() -> new FairnessMetrics(Fixtures.plain().withNonProtected(Map.of("sex", "X")))
        .mmm(p, a));
    assertProblem(e, InputProblems.EMPTY_GROUP, "nonProtected", "sex");
    assertThat(e.properties()).containsEntry("group", "X");
  }

  @Test
  void scoreNotFinite() {
    ProblemException e = problem(() -> Predictions.of(bits("01"), bits("01"), new double[] {0.2, Double.NaN}));
    assertProblem(e, InputProblems.SCORE_NOT_FINITE, "scores", "scores");
    assertThat(e.properties()).containsEntry("row", 1);
  }

  @Test
  void stageNotBinary() {
    assertProblem(problem(() -> metrics.sequential(bits("0101"), List.of(bits("0101"), new int[] {0, 1, 3, 1}),
        List.of("screen", "interview"), ProtectedAttributes.of("sex", chars("FMFM")), Metric.SELECTION_RATE)),
        InputProblems.LABEL_NOT_BINARY, "stages", "interview");
  }

  @Test
  void invalidOptions() {
    assertProblem(problem(() -> Fixtures.plain().withMinSupport(0)), InputProblems.INVALID_OPTION, "minSupport",
        null);
    assertProblem(problem(() -> Fixtures.plain().withBootstrap(100, 1.0, 1)), InputProblems.INVALID_OPTION,
        "confidenceLevel", null);
    assertProblem(problem(() -> Fixtures.plain().withBootstrap(-1, .9, 1)), InputProblems.INVALID_OPTION,
        "bootstrapResamples", null);
    assertProblem(problem(() -> Fixtures.plain().withDirichletAlpha(-1)), InputProblems.INVALID_OPTION,
        "dirichletAlpha", null);
  }

  @Test
  void inputsAreCopied() {
    int[] y = bits("0101");
    Map<String, String[]> columns = new LinkedHashMap<>();
    String[] sex = chars("FMFM");
    columns.put("sex", sex);
    Predictions p = Predictions.of(y, y.clone());
    ProtectedAttributes a = ProtectedAttributes.of(new HashMap<>(columns));
    y[0] = 7;
    sex[0] = "X";
    assertThat(p.yTrue(0)).isZero();
    assertThat(a.levels("sex")).containsExactly("F", "M");
  }
}
