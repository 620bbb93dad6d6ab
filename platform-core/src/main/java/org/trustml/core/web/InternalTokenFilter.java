package org.trustml.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through requests under the guarded paths only when they carry the platform's internal token, so a service
 * answers the gateway (which authenticated the user and names the tenant) and nobody else. Off when no token is
 * configured.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

  private final byte[] token;
  private final List<String> guardedPrefixes;
  private final ProblemWriter problems;

  public InternalTokenFilter(String token, List<String> guardedPrefixes, ProblemWriter problems) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.guardedPrefixes = List.copyOf(guardedPrefixes);
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (token.length == 0) {
      return true;
    }
    String path = request.getRequestURI();
    return guardedPrefixes.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(Headers.INTERNAL_TOKEN);
    if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      problems.write(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
          "this endpoint answers only requests from inside the platform; call it through the gateway"));
      return;
    }
    chain.doFilter(request, response);
  }
}
