package org.trustml.core.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of every service as an RFC 9457 problem detail with a {@code urn:trustml:problem:*} type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
    return respond(e.toProblemDetail(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return respond(ProblemException.badRequest("invalid-parameter",
        "'" + e.getName() + "' has an invalid value '" + e.getValue() + "'").with("field", e.getName())
        .toProblemDetail(), request);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
    return respond(ProblemException.badRequest("invalid-request", e.getMessage()).toProblemDetail(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "unexpected error; the request id identifies it in the service's logs").toProblemDetail(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = ex.getMostSpecificCause().getMessage();
    ProblemDetail pd = ProblemException.badRequest("malformed-body",
        "the request body is not valid JSON for this endpoint: " + firstLine(detail)).toProblemDetail();
    return ResponseEntity.badRequest().body(pd);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getBindingResult().getFieldErrors().forEach(f -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("field", f.getField());
      m.put("message", f.getDefaultMessage());
      errors.add(m);
    });
    String first = errors.isEmpty() ? "invalid request" : errors.get(0).get("field") + " " + errors.get(0).get("message");
    ProblemException p = ProblemException.badRequest("invalid-request", first).with("errors", errors);
    if (!errors.isEmpty()) {
      p.with("field", errors.get(0).get("field"));
    }
    return ResponseEntity.badRequest().body(p.toProblemDetail());
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail pd && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
      pd.setType(ProblemException.typeOf(codeFor(statusCode)));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static String codeFor(HttpStatusCode status) {
    HttpStatus s = HttpStatus.resolve(status.value());
    return s == null ? "http-" + status.value() : s.name().toLowerCase().replace('_', '-');
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail pd, HttpServletRequest request) {
    Object requestId = request.getAttribute(Headers.REQUEST_ID);
    if (requestId != null) {
      pd.setProperty("requestId", requestId);
    }
    return ResponseEntity.status(pd.getStatus()).body(pd);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
