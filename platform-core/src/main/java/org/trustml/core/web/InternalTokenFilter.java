package org.trustml.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through requests to guarded paths only when they carry the platform's internal token, so a service answers
 * the gateway (which authenticated the user and names the tenant) and nobody else. Paths are judged as they will be
 * routed ({@link RequestPaths}). With no token configured, guarded paths are open when {@code openWithoutToken}
 * (a service run alone in tests or development) and closed otherwise.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

  private final byte[] token;
  private final Predicate<String> guarded;
  private final boolean openWithoutToken;
  private final ProblemWriter problems;

  public InternalTokenFilter(String token, Predicate<String> guarded, boolean openWithoutToken,
      ProblemWriter problems) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.guarded = guarded;
    this.openWithoutToken = openWithoutToken;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (token.length == 0 && openWithoutToken) {
      return true;
    }
    return !guarded.test(RequestPaths.of(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(Headers.INTERNAL_TOKEN);
    if (token.length == 0 || presented == null
        || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      problems.write(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
          "this endpoint answers only requests from inside the platform; call it through the gateway"));
      return;
    }
    chain.doFilter(request, response);
  }
}
