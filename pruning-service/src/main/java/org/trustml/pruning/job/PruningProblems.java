package org.trustml.pruning.job;

import org.trustml.core.web.ProblemException;

/** The 400s of the pruning jobs, each naming the parameter it is about. */
final class PruningProblems {

  private PruningProblems() {}

  static ProblemException of(String code, String field, String detail) {
    return ProblemException.badRequest(code, field + ": " + detail).with("field", field);
  }

  static ProblemException unknownColumn(String field, String column, Object columns) {
    return of("unknown-column", field, "the dataset has no column '" + column + "'; it has " + columns)
        .with("column", column);
  }

  static ProblemException invalidEmbeddings(String field, String detail) {
    return of("invalid-embeddings", field, detail);
  }

  static ProblemException sizeMismatch(String field, String detail) {
    return of("size-mismatch", field, detail);
  }

  static ProblemException classTooSmall(String field, String detail) {
    return of("class-too-small", field, detail);
  }
}
