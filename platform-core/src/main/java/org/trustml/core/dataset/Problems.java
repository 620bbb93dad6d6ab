package org.trustml.core.dataset;

import org.trustml.core.web.ProblemException;

/** Builds the 400 problems this package throws, so every error carries the same property names. */
final class Problems {

  static final String MALFORMED_CSV = "malformed-csv";
  static final String MALFORMED_IDX = "malformed-idx";
  static final String MALFORMED_NPY = "malformed-npy";
  static final String MALFORMED_CIFAR = "malformed-cifar";
  static final String MALFORMED_IMAGE_FOLDER = "malformed-image-folder";
  static final String UNSUPPORTED_FORMAT = "unsupported-format";
  static final String TOO_LARGE = "dataset-too-large";

  private Problems() {}

  /** A CSV error at a 1-based physical line and 1-based column (field index). */
  static ProblemException csv(String detail, long line, int column) {
    return ProblemException.badRequest(MALFORMED_CSV, "line " + line + ", column " + column + ": " + detail)
        .with("line", line)
        .with("column", column);
  }

  /** A CSV error that has a line but no meaningful column (e.g. the file is empty). */
  static ProblemException csv(String detail, long line) {
    return ProblemException.badRequest(MALFORMED_CSV, "line " + line + ": " + detail).with("line", line);
  }

  /** A binary-format error at a byte offset (of the decompressed stream) inside a named header field. */
  static ProblemException binary(String code, String detail, long offset, String field) {
    ProblemException e =
        ProblemException.badRequest(code, "offset " + offset + (field == null ? "" : " (" + field + ")") + ": " + detail)
            .with("offset", offset);
    return field == null ? e : e.with("field", field);
  }

  /** An image-folder archive error about one entry (its name as the archive spells it). */
  static ProblemException imageFolder(String entry, String detail) {
    return ProblemException.badRequest(MALFORMED_IMAGE_FOLDER, "entry '" + entry + "': " + detail)
        .with("entry", entry);
  }

  /** An image-folder archive error about the archive as a whole. */
  static ProblemException imageFolder(String detail) {
    return ProblemException.badRequest(MALFORMED_IMAGE_FOLDER, detail);
  }

  static ProblemException unsupported(String detail) {
    return ProblemException.badRequest(UNSUPPORTED_FORMAT, detail);
  }

  static ProblemException tooLarge(String detail) {
    return ProblemException.badRequest(TOO_LARGE, detail);
  }
}
