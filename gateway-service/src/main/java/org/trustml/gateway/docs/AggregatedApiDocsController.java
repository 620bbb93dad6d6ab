package org.trustml.gateway.docs;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.trustml.core.config.TrustmlProperties;
import org.trustml.core.job.Versions;
import org.trustml.core.web.Headers;
import org.trustml.gateway.GatewayProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's one OpenAPI document at {@code /v3/api-docs}: the gateway's own endpoints and every method
 * service's, fetched live and merged. A service that does not answer is listed under
 * {@code x-trustml-unavailable} instead of failing the whole document.
 */
@RestController
@Hidden
class AggregatedApiDocsController {

  private static final Logger log = LoggerFactory.getLogger(AggregatedApiDocsController.class);

  private final GatewayProperties gateway;
  private final String token;
  private final WebServerApplicationContext context;
  private final RestClient http;

  AggregatedApiDocsController(GatewayProperties gateway, TrustmlProperties core, WebServerApplicationContext context,
      RestClient.Builder builder) {
    this.gateway = gateway;
    this.token = core.internalToken();
    this.context = context;
    SimpleClientHttpRequestFactory rf = new SimpleClientHttpRequestFactory();
    rf.setConnectTimeout(Duration.ofSeconds(2));
    rf.setReadTimeout(Duration.ofSeconds(10));
    this.http = builder.clone().requestFactory(rf).build();
  }

  @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
  JsonNode apiDocs() {
    OpenApiMerger merger = new OpenApiMerger("trustml", Versions.platformVersion());
    URI self = URI.create("http://localhost:" + context.getWebServer().getPort());
    merger.addOwn(fetch(self.resolve("/docs/gateway/v3/api-docs")));
    List<String> unavailable = new ArrayList<>();
    for (Map.Entry<String, URI> e : new TreeMap<>(gateway.services()).entrySet()) {
      try {
        merger.add(e.getKey(), fetch(e.getValue().resolve("/v3/api-docs")));
      } catch (RuntimeException ex) {
        log.warn("OpenAPI of service {} unavailable: {}", e.getKey(), ex.toString());
        unavailable.add(e.getKey());
      }
    }
    ObjectNode doc = merger.document();
    ObjectNode schemes = ((ObjectNode) doc.get("components")).putObject("securitySchemes");
    schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", Headers.API_KEY);
    doc.putArray("security").addObject().putArray("apiKey");
    if (!unavailable.isEmpty()) {
      doc.putPOJO("x-trustml-unavailable", unavailable);
    }
    return doc;
  }

  private JsonNode fetch(URI uri) {
    return http.get().uri(uri).header(Headers.INTERNAL_TOKEN, token).retrieve().body(JsonNode.class);
  }
}
