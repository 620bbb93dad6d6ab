package org.trustml.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.core.testing.app.TestServiceApplication;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of a real service (the platform's test service), both on a real PostgreSQL: keys, roles,
 * rate limits, body limits, routing with tenant isolation, and the aggregated OpenAPI document.
 */
class GatewayIntegrationTest {

  static final String ADMIN = "test-admin-key-0123456789";
  static final String TOKEN = "internal-token-for-tests";

  @TempDir static Path artifacts;
  static ConfigurableApplicationContext service;
  static ConfigurableApplicationContext gateway;
  static RestClient http;
  static int servicePort;

  @BeforeAll
  static void start() {
    String db = EmbeddedDatabase.newDatabase();
    String[] common = {"--spring.datasource.url=" + db, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--trustml.artifacts.fs.root=" + artifacts,
        "--trustml.internal-token=" + TOKEN, "--server.port=0"};
    service = new SpringApplicationBuilder(TestServiceApplication.class)
        .run(with(common, "--spring.config.name=test-service", "--trustml.service.name=demo",
            "--trustml.worker.poll=100ms"));
    servicePort = ((WebServerApplicationContext) service).getWebServer().getPort();
    gateway = new SpringApplicationBuilder(GatewayApplication.class)
        .run(with(common, "--trustml.gateway.services.demo=http://localhost:" + servicePort,
            "--trustml.gateway.admin-key=" + ADMIN, "--trustml.gateway.max-request-size=4KB",
            "--trustml.gateway.max-upload-size=64KB"));
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    // the JDK client waits out a 429's Retry-After by itself; the plain one shows what the server answered
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(new org.springframework.http.client.SimpleClientHttpRequestFactory())
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  static String[] with(String[] common, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
        .toArray(String[]::new);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    service.close();
  }

  static String issueKey(String tenant, String role, int rate) {
    JsonNode created = http.post().uri("/api/v1/admin/keys").header("X-API-Key", ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"tenant\":\"" + tenant + "\",\"role\":\"" + role + "\",\"ratePerMinute\":" + rate + "}")
        .retrieve().body(JsonNode.class);
    return created.get("secret").asString();
  }

  static ResponseEntity<JsonNode> submit(String key, String body) {
    return http.post().uri("/api/v1/demo/jobs").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().toEntity(JsonNode.class);
  }

  @Test
  void requestsWithoutAValidKeyAre401AndUsersCannotAdminister() {
    ResponseEntity<JsonNode> none = http.get().uri("/api/v1/demo/jobs").retrieve().toEntity(JsonNode.class);
    assertThat(none.getStatusCode().value()).isEqualTo(401);
    assertThat(none.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:unauthenticated");
    ResponseEntity<JsonNode> wrong = http.get().uri("/api/v1/demo/jobs").header("X-API-Key", "tml_nope")
        .retrieve().toEntity(JsonNode.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);

    String user = issueKey("acme", "USER", 1000);
    ResponseEntity<JsonNode> forbidden = http.get().uri("/api/v1/admin/keys").header("X-API-Key", user)
        .retrieve().toEntity(JsonNode.class);
    assertThat(forbidden.getStatusCode().value()).isEqualTo(403);

    JsonNode keys = http.get().uri("/api/v1/admin/keys").header("X-API-Key", ADMIN).retrieve().body(JsonNode.class);
    String id = null;
    for (JsonNode k : keys) {
      assertThat(k.has("secret")).isFalse();
      if (k.get("prefix").asString().equals(user.substring(0, 8))) {
        id = k.get("id").asString();
      }
    }
    assertThat(http.delete().uri("/api/v1/admin/keys/{id}", id).header("X-API-Key", ADMIN).retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
    assertThat(http.get().uri("/api/v1/demo/jobs").header("X-API-Key", user).retrieve().toEntity(JsonNode.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void jobsGoThroughTheGatewayAndTenantsSeeOnlyTheirOwn() {
    String alice = issueKey("alice", "USER", 1000);
    String bob = issueKey("bob", "USER", 1000);
    ResponseEntity<JsonNode> submitted = submit(alice, "{\"type\":\"test.sleep\",\"params\":{\"steps\":2}}");
    assertThat(submitted.getStatusCode().value()).isEqualTo(202);
    assertThat(submitted.getHeaders().getFirst("X-Request-Id")).isNotBlank();
    String id = submitted.getBody().get("id").asString();
    assertThat(submitted.getBody().get("owner").asString()).isEqualTo("alice");

    await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(http.get().uri("/api/v1/demo/jobs/{id}", id)
        .header("X-API-Key", alice).retrieve().body(JsonNode.class).get("state").asString()));
    assertThat(http.get().uri("/api/v1/demo/jobs/{id}", id).header("X-API-Key", bob).retrieve()
        .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);

    // a caller cannot pose as another tenant by sending the platform's own headers
    ResponseEntity<JsonNode> spoofed = http.get().uri("/api/v1/demo/jobs/{id}", id).header("X-API-Key", bob)
        .header("X-Trustml-Tenant", "alice").retrieve().toEntity(JsonNode.class);
    assertThat(spoofed.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theServiceRefusesRequestsThatDidNotComeThroughTheGateway() {
    ResponseEntity<JsonNode> direct = RestClient.create("http://localhost:" + servicePort).get()
        .uri("/api/v1/demo/jobs").retrieve().onStatus(HttpStatusCode::isError, (q, r) -> {})
        .toEntity(JsonNode.class);
    assertThat(direct.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aKeyOverItsRateGets429WithRetryAfter() {
    String slow = issueKey("slowpoke", "USER", 3);
    int ok = 0;
    ResponseEntity<JsonNode> last = null;
    for (int i = 0; i < 5; i++) {
      last = http.get().uri("/api/v1/demo/jobs").header("X-API-Key", slow).retrieve().toEntity(JsonNode.class);
      if (last.getStatusCode().value() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(3);
    assertThat(last.getStatusCode().value()).isEqualTo(429);
    assertThat(Long.parseLong(last.getHeaders().getFirst("Retry-After"))).isBetween(1L, 20L);
    assertThat(last.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:rate-limited");
  }

  @Test
  void oversizedBodiesAre413() {
    String key = issueKey("big", "USER", 1000);
    String huge = "{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"message\":\"" + "x".repeat(10_000) + "\"}}";
    ResponseEntity<JsonNode> r = submit(key, huge);
    assertThat(r.getStatusCode().value()).isEqualTo(413);
    assertThat(r.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:too-large");
  }

  @Test
  void corsPreflightNeedsNoKey() {
    // HttpURLConnection drops the Origin header, so this one goes through the JDK client
    RestClient jdk = RestClient.builder().baseUrl("http://localhost:"
        + ((WebServerApplicationContext) gateway).getWebServer().getPort()).build();
    ResponseEntity<Void> r = jdk.options().uri("/api/v1/demo/jobs").header("Origin", "https://ui.example")
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "X-API-Key")
        .retrieve().toBodilessEntity();
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getHeaders().getFirst("Access-Control-Allow-Origin")).isEqualTo("https://ui.example");
  }

  @Test
  void theAggregatedOpenApiListsGatewayAndServiceEndpoints() {
    JsonNode doc = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    assertThat(doc.get("paths").has("/api/v1/admin/keys")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/demo/jobs")).isTrue();
    assertThat(doc.get("paths").get("/api/v1/demo/jobs").get("post").get("operationId").asString())
        .isEqualTo("demoSubmit");
    assertThat(doc.get("components").get("schemas").has("Job")).isTrue();
    assertThat(doc.has("x-trustml-unavailable")).isFalse();
    assertThat(http.get().uri("/swagger-ui.html").retrieve().toBodilessEntity().getStatusCode().value())
        .isIn(200, 302);
  }
}
