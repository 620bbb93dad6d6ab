package org.trustml.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.trustml.core.web.ProblemException;

/** The authenticated key of the current request, as {@link ApiKeyFilter} left it. */
public final class Caller {

  static final String ATTRIBUTE = Caller.class.getName();

  private Caller() {}

  public static ApiKey of(HttpServletRequest request) {
    Object key = request.getAttribute(ATTRIBUTE);
    if (key instanceof ApiKey k) {
      return k;
    }
    throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "no API key on this request");
  }

  public static String tenant(HttpServletRequest request) {
    return of(request).tenant();
  }
}
