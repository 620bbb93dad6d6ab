package org.trustml.core.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure that becomes an RFC 9457 problem detail with type {@code urn:trustml:problem:<code>}.
 * Thrown anywhere in the platform (a service, the gateway, a handler validating its parameters); the
 * {@link ProblemHandler} turns it into the HTTP answer.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ProblemException(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " '" + id + "' does not exist");
  }

  /** Adds an extension member to the problem (for example the line and column of a parse error). */
  public ProblemException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  public ProblemDetail toProblemDetail() {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, getMessage());
    pd.setType(typeOf(code));
    pd.setTitle(status.getReasonPhrase());
    properties.forEach(pd::setProperty);
    return pd;
  }

  public static URI typeOf(String code) {
    return URI.create("urn:trustml:problem:" + code);
  }
}
