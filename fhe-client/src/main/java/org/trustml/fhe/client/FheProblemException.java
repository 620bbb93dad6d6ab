package org.trustml.fhe.client;

/**
 * An RFC 9457 problem detail the server answered with (or a non-JSON error, with {@code type} null): the HTTP status,
 * the problem type ({@code urn:trustml:problem:<code>}), its detail and the request field it names, if any.
 */
public class FheProblemException extends RuntimeException {

  private static final String PREFIX = "urn:trustml:problem:";

  private final int status;
  private final String type;
  private final String detail;
  private final String field;

  /** A problem; {@code type}, {@code detail} and {@code field} may be null. */
  public FheProblemException(int status, String type, String detail, String field) {
    super("HTTP " + status + (type == null ? "" : " " + type) + (detail == null ? "" : ": " + detail)
        + (field == null ? "" : " (field " + field + ")"));
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.field = field;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem type URI, e.g. {@code urn:trustml:problem:secret-key-refused}; null if the body had none. */
  public String type() {
    return type;
  }

  /** The type's code, e.g. {@code secret-key-refused}; null if the body had no trustml type. */
  public String code() {
    return type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : null;
  }

  /** The human-readable detail; null if none. */
  public String detail() {
    return detail;
  }

  /** The request field or part the problem names; null if none. */
  public String field() {
    return field;
  }
}
