package org.trustml.core.web;

/** HTTP headers the platform's parts exchange. */
public final class Headers {

  /** The caller's API key, checked by the gateway. */
  public static final String API_KEY = "X-API-Key";
  /** The tenant the gateway authenticated; services trust it only together with {@link #INTERNAL_TOKEN}. */
  public static final String TENANT = "X-Trustml-Tenant";
  /** Shared secret proving a request came from inside the platform. */
  public static final String INTERNAL_TOKEN = "X-Trustml-Internal";
  public static final String REQUEST_ID = "X-Request-Id";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  /** Owner of requests that carry no tenant (a service called directly with the internal check off). */
  public static final String DEFAULT_TENANT = "anonymous";

  private Headers() {}
}
