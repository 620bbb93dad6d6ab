package org.trustml.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.trustml.core.config.TrustmlProperties;
import org.trustml.core.web.Headers;
import org.trustml.gateway.GatewayProperties;
import org.trustml.gateway.auth.Caller;

/**
 * One route per method service: {@code /api/v1/<name>/**} goes to the service with the caller's tenant, the
 * request id and the internal token added (and whatever the caller sent under those names dropped), and
 * {@code /docs/<name>/v3/api-docs} serves the service's OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

  /** Path segments the gateway answers itself. */
  static final Set<String> RESERVED = Set.of("datasets", "models", "admin");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  @Bean
  RouterFunction<ServerResponse> methodServiceRoutes(GatewayProperties gateway, TrustmlProperties core) {
    RouterFunction<ServerResponse> routes = GatewayRouterFunctions.route("gateway-none")
        .route(RequestPredicates.path("/__trustml_no_route__"), req -> ServerResponse.notFound().build())
        .build();
    for (Map.Entry<String, URI> e : gateway.services().entrySet()) {
      String name = e.getKey();
      if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
        throw new IllegalStateException("trustml.gateway.services." + name
            + ": a service name is lower-case letters, digits and '-', and not one of " + RESERVED);
      }
      String token = core.internalToken();
      routes = routes.and(GatewayRouterFunctions.route(name)
          .route(RequestPredicates.path("/api/v1/" + name + "/**"), http())
          .before(uri(e.getValue()))
          .before(req -> platformHeaders(req, token, true))
          // the gateway already answers with its own request id, which the service used too
          .after(removeResponseHeader(Headers.REQUEST_ID))
          .build());
      routes = routes.and(GatewayRouterFunctions.route(name + "-docs")
          .route(RequestPredicates.GET("/docs/" + name + "/v3/api-docs"), http())
          .before(uri(e.getValue()))
          .before(setPath("/v3/api-docs"))
          .before(req -> platformHeaders(req, token, false))
          .build());
    }
    return routes;
  }

  private static ServerRequest platformHeaders(ServerRequest req, String token, boolean withTenant) {
    Object requestId = req.servletRequest().getAttribute(Headers.REQUEST_ID);
    String tenant = withTenant ? Caller.tenant(req.servletRequest()) : null;
    return ServerRequest.from(req).headers(h -> {
      h.remove(Headers.API_KEY);
      h.remove(Headers.TENANT);
      h.remove(Headers.INTERNAL_TOKEN);
      if (tenant != null) {
        h.set(Headers.TENANT, tenant);
      }
      h.set(Headers.INTERNAL_TOKEN, token);
      if (requestId != null) {
        h.set(Headers.REQUEST_ID, requestId.toString());
      }
    }).build();
  }
}
