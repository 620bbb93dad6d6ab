package org.trustml.core.web;

import jakarta.servlet.http.HttpServletRequest;

/** The tenant a request acts for, as the gateway named it. */
public final class Tenants {

  private Tenants() {}

  public static String of(HttpServletRequest request) {
    String tenant = request.getHeader(Headers.TENANT);
    return tenant == null || tenant.isBlank() ? Headers.DEFAULT_TENANT : tenant;
  }
}
