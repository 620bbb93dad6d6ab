package org.trustml.core.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request will be routed by: percent-decoded, without {@code ;params}, repeated slashes folded. Security
 * filters must decide on this path, not on the raw URI, or {@code /%61pi/...} and {@code /api;x/...} would slip
 * past a check for {@code /api/} and still reach the {@code /api/} handlers.
 */
public final class RequestPaths {

  private static final UrlPathHelper HELPER = new UrlPathHelper();

  static {
    HELPER.setUrlDecode(true);
    HELPER.setRemoveSemicolonContent(true);
  }

  private RequestPaths() {}

  public static String of(HttpServletRequest request) {
    String path = HELPER.getPathWithinApplication(request);
    return path.replaceAll("/{2,}", "/");
  }
}
