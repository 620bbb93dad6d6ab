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
import org.trustml.core.testing.ImageFolderZips;
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
            "--trustml.gateway.max-upload-size=8MB",
            "--trustml.gateway.upload-paths=/api/v1/datasets,/api/v1/models,/api/v1/demo/uploads"));
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
    // a service's upload path takes the upload limit: the body reaches the service (which has no such endpoint)
    ResponseEntity<JsonNode> upload = http.post().uri("/api/v1/demo/uploads").header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(new byte[10_000]).retrieve().toEntity(JsonNode.class);
    assertThat(upload.getStatusCode().value()).isEqualTo(404);
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
        .isEqualTo("demoSubmitJob");
    assertThat(doc.get("components").get("schemas").has("Job")).isTrue();
    assertThat(doc.has("x-trustml-unavailable")).isFalse();
    assertThat(http.get().uri("/swagger-ui.html").retrieve().toBodilessEntity().getStatusCode().value())
        .isIn(200, 302);
  }

  static ResponseEntity<JsonNode> upload(String key, String query, byte[] body) {
    return http.post().uri("/api/v1/datasets?" + query).header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(body).retrieve().toEntity(JsonNode.class);
  }

  static long storedFiles() throws java.io.IOException {
    Path cas = artifacts.resolve("cas");
    if (!java.nio.file.Files.exists(cas)) {
      return 0;
    }
    try (var files = java.nio.file.Files.walk(cas)) {
      return files.filter(java.nio.file.Files::isRegularFile).count();
    }
  }

  @Test
  void aCsvUploadIsInspectedStoredAndReadable() throws Exception {
    String key = issueKey("carol", "USER", 1000);
    String csv = "age,sex,race,income\n39,Male,White,<=50K\n50,Female,Black,>50K\n28,Female,White,>50K\n";
    ResponseEntity<JsonNode> r = upload(key, "name=tiny&label=income&protected=sex,race",
        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    JsonNode d = r.getBody();
    assertThat(d.get("id").asString()).startsWith("ds-");
    assertThat(d.get("rows").asLong()).isEqualTo(3);
    assertThat(d.get("columns").asInt()).isEqualTo(4);
    assertThat(d.get("format").asString()).isEqualTo("csv");
    assertThat(d.get("labelColumn").asString()).isEqualTo("income");
    assertThat(d.get("schema").get(0).get("type").asString()).isEqualTo("INTEGER");
    assertThat(d.get("schema").get(1).get("role").asString()).isEqualTo("PROTECTED");
    assertThat(d.get("schema").get(3).get("role").asString()).isEqualTo("LABEL");
    assertThat(d.get("artifact").get("sha256").asString()).isEqualTo(
        org.trustml.core.json.CanonicalJson.sha256(csv));
    JsonNode preview = http.get().uri("/api/v1/datasets/{id}/preview", d.get("id").asString())
        .header("X-API-Key", key).retrieve().body(JsonNode.class);
    assertThat(preview.get(0).get(0).asString()).isEqualTo("age");
    assertThat(preview.size()).isEqualTo(4);
    String content = http.get().uri("/api/v1/datasets/{id}/content", d.get("id").asString())
        .header("X-API-Key", key).retrieve().body(String.class);
    assertThat(content).isEqualTo(csv);
    String other = issueKey("dave", "USER", 1000);
    assertThat(http.get().uri("/api/v1/datasets/{id}", d.get("id").asString()).header("X-API-Key", other)
        .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void malformedOrMislabelledUploadsAre400AndStoreNothing() throws Exception {
    String key = issueKey("erin", "USER", 1000);
    long before = storedFiles();
    ResponseEntity<JsonNode> ragged = upload(key, "name=bad",
        "a,b,c\n1,2,3\n4,5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(ragged.getStatusCode().value()).isEqualTo(400);
    assertThat(ragged.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:malformed-csv");
    assertThat(ragged.getBody().get("line").asInt()).isEqualTo(3);

    ResponseEntity<JsonNode> unknownLabel = upload(key, "name=bad&label=target",
        "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(unknownLabel.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownLabel.getBody().get("column").asString()).isEqualTo("target");

    ResponseEntity<JsonNode> badIdx = upload(key, "name=bad&format=idx", new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
    assertThat(badIdx.getStatusCode().value()).isEqualTo(400);
    assertThat(badIdx.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:malformed-idx");

    ResponseEntity<JsonNode> tooBig = upload(key, "name=big", new byte[9 * 1024 * 1024]);
    assertThat(tooBig.getStatusCode().value()).isEqualTo(413);

    assertThat(storedFiles()).isEqualTo(before);
    assertThat(http.get().uri("/api/v1/datasets").header("X-API-Key", key).retrieve().body(JsonNode.class))
        .isEmpty();
  }

  @Test
  void anIdxUploadRecordsItsShape() {
    String key = issueKey("frank", "USER", 1000);
    byte[] idx = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8};
    JsonNode d = upload(key, "name=cube", idx).getBody();
    assertThat(d.get("format").asString()).isEqualTo("idx");
    assertThat(d.get("shape").toString()).isEqualTo("[2,2,2]");
    assertThat(d.get("dtype").asString()).isEqualTo("uint8");
  }

  @Test
  void anImageFolderZipRecordsItsClassesAndABadOneStoresNothing() throws Exception {
    String key = issueKey("imogen", "USER", 1000);
    byte[] zip = ImageFolderZips.colourPatterns(3, 2, 8, 1, "shapes");
    ResponseEntity<JsonNode> r = upload(key, "name=shapes", zip);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    String id = r.getBody().get("id").asString();
    JsonNode d = http.get().uri("/api/v1/datasets/{id}", id).header("X-API-Key", key).retrieve()
        .body(JsonNode.class);
    assertThat(d.get("format").asString()).isEqualTo("image-folder");
    assertThat(d.get("shape").toString()).isEqualTo("[6,3,8,8]");
    assertThat(d.get("dtype").asString()).isEqualTo("uint8");
    assertThat(d.get("rows").asLong()).isEqualTo(6);
    assertThat(d.get("classes").toString()).isEqualTo("[{\"name\":\"class-0\",\"images\":2},"
        + "{\"name\":\"class-1\",\"images\":2},{\"name\":\"class-2\",\"images\":2}]");
    assertThat(d.get("artifact").get("mediaType").asString()).isEqualTo("application/zip");
    ResponseEntity<byte[]> content = http.get().uri("/api/v1/datasets/{id}/content", id).header("X-API-Key", key)
        .retrieve().toEntity(byte[].class);
    assertThat(content.getBody()).isEqualTo(zip);
    assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo(id + ".zip");

    long before = storedFiles();
    byte[] png = ImageFolderZips.png(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));
    ResponseEntity<JsonNode> bad = upload(key, "name=bad", ImageFolderZips.zip("set/a/1.png", png,
        "set/a/notes.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:malformed-image-folder");
    assertThat(bad.getBody().get("entry").asString()).isEqualTo("set/a/notes.txt");
    ResponseEntity<JsonNode> labelled = upload(key, "name=bad&label=class", zip);
    assertThat(labelled.getStatusCode().value()).isEqualTo(400);
    assertThat(labelled.getBody().get("field").asString()).isEqualTo("label");
    ResponseEntity<JsonNode> declared = upload(key, "name=bad&format=image-folder", "a,b\n1,2\n".getBytes());
    assertThat(declared.getStatusCode().value()).isEqualTo(400);
    assertThat(declared.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:malformed-image-folder");
    assertThat(storedFiles()).isEqualTo(before);
    assertThat(http.get().uri("/api/v1/datasets").header("X-API-Key", key).retrieve().body(JsonNode.class))
        .hasSize(1);
  }

  @Test
  void theRealAdultDataRegistersWithItsRoles() throws Exception {
    Path adult = datasets().resolve("adult/adult.data");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(adult),
        "skipped: " + adult + " is absent (set -Dtrustml.datasets.dir)");
    String key = issueKey("uci", "USER", 1000);
    String columns = "age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,"
        + "capital-gain,capital-loss,hours-per-week,native-country,income";
    JsonNode d = upload(key, "name=adult&header=false&trim=true&columns=" + columns
        + "&label=income&protected=sex,race", java.nio.file.Files.readAllBytes(adult)).getBody();
    assertThat(d.get("rows").asLong()).as(String.valueOf(d)).isEqualTo(32_561);
    assertThat(d.get("columns").asInt()).isEqualTo(15);
    JsonNode workclass = d.get("schema").get(1);
    assertThat(workclass.get("missing").asLong()).isEqualTo(1836);
  }

  static Path datasets() {
    String configured = System.getProperty("trustml.datasets.dir");
    return configured != null ? Path.of(configured) : Path.of("../../shared/datasets");
  }

  @Test
  void servicesRegisterDerivedDatasetsThroughTheInternalApi() {
    String key = issueKey("gina", "USER", 1000);
    JsonNode parent = upload(key, "name=p", "x,y\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .getBody();
    String body = "{\"owner\":\"gina\",\"name\":\"child\",\"format\":\"csv\",\"artifact\":"
        + parent.get("artifact").toString() + ",\"lineage\":{\"parents\":[\"" + parent.get("id").asString()
        + "\"],\"service\":\"demo\",\"jobId\":\"j-1\"}}";
    ResponseEntity<JsonNode> noToken = http.post().uri("/internal/v1/datasets")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    assertThat(noToken.getStatusCode().value()).isEqualTo(401);
    JsonNode child = http.post().uri("/internal/v1/datasets").header("X-Trustml-Internal", TOKEN)
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
    assertThat(child.get("lineage").get("parents").get(0).asString()).isEqualTo(parent.get("id").asString());
    assertThat(child.get("lineage").get("jobId").asString()).isEqualTo("j-1");
    assertThat(child.get("rows").asLong()).isEqualTo(1);
    ResponseEntity<JsonNode> badParent = http.post().uri("/internal/v1/datasets")
        .header("X-Trustml-Internal", TOKEN).contentType(MediaType.APPLICATION_JSON)
        .body(body.replace(parent.get("id").asString(), "ds-nope")).retrieve().toEntity(JsonNode.class);
    assertThat(badParent.getStatusCode().value()).isEqualTo(400);
    assertThat(badParent.getBody().get("type").asString()).isEqualTo("urn:trustml:problem:unknown-parent");
  }

  /** Raw requests, so the path reaches the server exactly as spelled (clients would normalise it). */
  static int rawStatus(int port, String method, String path, String... headers) throws Exception {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(method, method.equals("POST")
        ? java.net.http.HttpRequest.BodyPublishers.ofString("{\"tenant\":\"x\",\"role\":\"ADMIN\"}")
        : java.net.http.HttpRequest.BodyPublishers.noBody());
    b.header("Content-Type", "application/json");
    return java.net.http.HttpClient.newHttpClient().send(b.build(),
        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void noSpellingOfAPathGetsAroundTheChecks() throws Exception {
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    // percent-encoded and ;param spellings of /api/... still need a key
    assertThat(rawStatus(port, "POST", "/%61pi/v1/admin/keys")).isEqualTo(401);
    assertThat(rawStatus(port, "POST", "/api;x/v1/admin/keys")).isEqualTo(401);
    assertThat(rawStatus(port, "GET", "//api/v1/admin/keys")).isIn(401, 404);
    String user = issueKey("mallory", "USER", 1000);
    assertThat(rawStatus(port, "POST", "/api/v1/%61dmin/keys", "X-API-Key", user)).isEqualTo(403);
    assertThat(rawStatus(port, "GET", "/api/v1/admin/keys/", "X-API-Key", user)).isEqualTo(403);
    // and of /internal/... still need the platform's token
    assertThat(rawStatus(port, "GET", "/%69nternal/v1/datasets/ds-x", "X-Trustml-Tenant", "victim"))
        .isEqualTo(401);
    assertThat(rawStatus(port, "GET", "/internal;x/v1/datasets/ds-x", "X-Trustml-Tenant", "victim"))
        .isEqualTo(401);
    // a service answers only the gateway, whatever the spelling
    assertThat(rawStatus(servicePort, "GET", "/%61pi/v1/demo/jobs", "X-Trustml-Tenant", "victim")).isEqualTo(401);
    assertThat(rawStatus(servicePort, "GET", "/v3/api-docs")).isEqualTo(401);
    assertThat(rawStatus(servicePort, "GET", "/actuator/health")).isEqualTo(200);
    // unknown paths need a key too: nothing is public by accident
    assertThat(rawStatus(port, "GET", "/whatever")).isEqualTo(401);
    assertThat(rawStatus(port, "GET", "/actuator/health")).isEqualTo(200);
  }
}
