package org.trustml.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id (the caller's, if sane), puts it in the logs' MDC and echoes it in the response. */
public class RequestIdFilter extends OncePerRequestFilter {

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = request.getHeader(Headers.REQUEST_ID);
    if (id == null || !SANE.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    request.setAttribute(Headers.REQUEST_ID, id);
    response.setHeader(Headers.REQUEST_ID, id);
    MDC.put("requestId", id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("requestId");
    }
  }
}
