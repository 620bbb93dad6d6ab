package org.trustml.fairness.metrics;

import org.trustml.core.web.ProblemException;

/**
 * The 400 problems raised by bad metrics input, one factory per code, so that every code is spelled in one
 * place and every problem names what the caller has to fix: {@code field} is the request field (for example
 * {@code yTrue} or {@code protected}), {@code column} the column inside it.
 */
public final class InputProblems {

  public static final String EMPTY_INPUT = "empty-input";
  public static final String LENGTH_MISMATCH = "length-mismatch";
  public static final String LABEL_NOT_BINARY = "label-not-binary";
  public static final String SCORE_NOT_FINITE = "score-not-finite";
  public static final String NO_PROTECTED_ATTRIBUTE = "no-protected-attribute";
  public static final String SINGLE_VALUED_ATTRIBUTE = "single-valued-attribute";
  public static final String MISSING_VALUE = "missing-value";
  public static final String UNKNOWN_COLUMN = "unknown-column";
  public static final String EMPTY_GROUP = "empty-group";
  public static final String INVALID_OPTION = "invalid-option";

  private InputProblems() {}

  static ProblemException emptyInput(String field, String column) {
    return ProblemException.badRequest(EMPTY_INPUT, "'" + column + "' has no rows; metrics need at least one")
        .with("field", field).with("column", column);
  }

  static ProblemException lengthMismatch(String field, String column, int length, int expected) {
    return ProblemException.badRequest(LENGTH_MISMATCH,
            "'" + column + "' has " + length + " rows, expected " + expected + " like the labels")
        .with("field", field).with("column", column).with("length", length).with("expected", expected);
  }

  static ProblemException labelNotBinary(String field, String column, int row, int value) {
    return ProblemException.badRequest(LABEL_NOT_BINARY,
            "'" + column + "' must hold only 0 and 1; row " + row + " holds " + value)
        .with("field", field).with("column", column).with("row", row).with("value", value);
  }

  static ProblemException scoreNotFinite(String field, String column, int row) {
    return ProblemException.badRequest(SCORE_NOT_FINITE, "'" + column + "' must be finite; row " + row + " is not")
        .with("field", field).with("column", column).with("row", row);
  }

  static ProblemException noProtectedAttribute() {
    return ProblemException.badRequest(NO_PROTECTED_ATTRIBUTE,
        "at least one protected attribute is needed to measure group fairness").with("field", "protected");
  }

  static ProblemException singleValued(String column, String value) {
    return ProblemException.badRequest(SINGLE_VALUED_ATTRIBUTE,
            "protected attribute '" + column + "' has the single value '" + value + "'; there are no groups to compare")
        .with("field", "protected").with("column", column);
  }

  static ProblemException missingValue(String column, int row) {
    return ProblemException.badRequest(MISSING_VALUE, "protected attribute '" + column + "' has no value at row " + row)
        .with("field", "protected").with("column", column).with("row", row);
  }

  static ProblemException unknownColumn(String field, String column) {
    return ProblemException.badRequest(UNKNOWN_COLUMN, "'" + column + "' is not one of the protected attributes")
        .with("field", field).with("column", column);
  }

  static ProblemException emptyGroup(String field, String column, String group) {
    return ProblemException.badRequest(EMPTY_GROUP,
            "group '" + group + "' of '" + column + "' has no rows")
        .with("field", field).with("column", column).with("group", group);
  }

  static ProblemException invalidOption(String field, String detail) {
    return ProblemException.badRequest(INVALID_OPTION, field + " " + detail).with("field", field);
  }
}
