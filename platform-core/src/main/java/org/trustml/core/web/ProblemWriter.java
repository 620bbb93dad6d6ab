package org.trustml.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to a servlet response (for filters, which run outside the MVC advice). */
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
      throws IOException {
    ProblemDetail pd = problem.toProblemDetail();
    pd.setInstance(URI.create(request.getRequestURI()));
    Object requestId = request.getAttribute(Headers.REQUEST_ID);
    if (requestId != null) {
      pd.setProperty("requestId", requestId);
    }
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(pd));
  }
}
