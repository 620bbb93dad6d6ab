package org.trustml.gateway.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustml.core.web.Headers;
import org.trustml.core.web.ProblemException;
import org.trustml.core.web.ProblemWriter;
import org.trustml.core.web.RequestPaths;
import org.springframework.web.cors.CorsUtils;
import org.trustml.gateway.GatewayProperties;

/**
 * Guards everything but a short list of public paths (probes, API documents, the internal API with its own token):
 * a valid key (401 otherwise), the admin role for {@code /api/v1/admin} (403), the key's rate (429 with
 * Retry-After) and the body size (413), before any work is done. Paths are judged as they will be routed
 * ({@link RequestPaths}), and anything not listed as public needs a key.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

  private final ApiKeys keys;
  private final RateLimiter limiter;
  private final ProblemWriter problems;
  private final long maxRequestBytes;
  private final long maxUploadBytes;
  private final java.util.Set<String> uploadPaths;

  public ApiKeyFilter(ApiKeys keys, RateLimiter limiter, ProblemWriter problems, GatewayProperties props) {
    this.keys = keys;
    this.limiter = limiter;
    this.problems = problems;
    this.maxRequestBytes = props.maxRequestSize().toBytes();
    this.maxUploadBytes = props.maxUploadSize().toBytes();
    this.uploadPaths = java.util.Set.copyOf(props.uploadPaths());
  }

  private static final List<String> PUBLIC_PREFIXES = List.of("/actuator/health", "/actuator/info",
      "/actuator/prometheus", "/v3/api-docs", "/docs/", "/swagger-ui", "/webjars/", "/internal/", "/error",
      "/favicon.ico");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return true;
    }
    String path = RequestPaths.of(request);
    return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(Headers.API_KEY);
    if (presented == null) {
      fail(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
          "send your API key in the " + Headers.API_KEY + " header"));
      return;
    }
    Optional<ApiKey> key = keys.check(presented);
    if (key.isEmpty()) {
      fail(request, response, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
          "the API key is unknown or revoked"));
      return;
    }
    ApiKey k = key.get();
    String path = RequestPaths.of(request);
    if (isAdminPath(path) && k.role() != Role.ADMIN) {
      fail(request, response, new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
          "this key's role " + k.role() + " may not manage the platform"));
      return;
    }
    long wait = limiter.acquire(k.id(), k.ratePerMinute());
    if (wait > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
      fail(request, response, new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
          "this key may make " + k.ratePerMinute() + " requests per minute; retry in " + wait + " s")
          .with("retryAfterSeconds", wait));
      return;
    }
    long limit = isUpload(request.getMethod(), path) ? maxUploadBytes : maxRequestBytes;
    long length = request.getContentLengthLong();
    if (length > limit) {
      fail(request, response, new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large",
          "the request body of " + length + " bytes exceeds the limit of " + limit + " bytes")
          .with("limitBytes", limit));
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, k);
    // a body without a declared length (chunked) is counted as it streams
    boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    chain.doFilter(chunked ? new LimitedBodyRequest(request, limit) : request, response);
  }

  static boolean isAdminPath(String path) {
    return path.equals("/api/v1/admin") || path.startsWith("/api/v1/admin/");
  }

  private boolean isUpload(String method, String path) {
    return "POST".equals(method) && uploadPaths.contains(path);
  }

  private void fail(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
      throws IOException {
    problems.write(request, response, problem);
  }
}
