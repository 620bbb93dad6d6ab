package org.trustml.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.trustml.client.model.KeyRequest;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.core.testing.ImageFolderZips;
import tools.jackson.databind.JsonNode;

/**
 * The pruning service behind the gateway with the real catalog: upload NPY embeddings and labels, score, select with
 * CCS, then fetch the registered subset from the catalog — its rows are the kept ones and its lineage names the
 * sources and the job — and a refused submission; and an image-folder ZIP uploaded and embedded with its folder labels.
 */
class PruningThroughTheGatewayTest {

  static final int PER_CLASS = 40;
  static final int DIMENSION = 4;
  static RestClient http;

  @BeforeAll
  static void start() throws Exception {
    ThroughTheGatewayTest.platform = PlatformFixture.get();
    String key = ThroughTheGatewayTest.issue("prune-co", KeyRequest.RoleEnum.USER, 10_000);
    http = RestClient.builder().baseUrl(ThroughTheGatewayTest.platform.gatewayUrl())
        .defaultHeader("X-API-Key", key).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  JsonNode upload(String name, byte[] bytes) {
    JsonNode d = http.post().uri("/api/v1/datasets?name={n}&format=npy", name)
        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().body(JsonNode.class);
    assertThat(d.has("id")).as(d.toString()).isTrue();
    return d;
  }

  JsonNode run(String body) {
    JsonNode job = http.post().uri("/api/v1/pruning/jobs").contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().body(JsonNode.class);
    assertThat(job.has("id")).as(job.toString()).isTrue();
    String id = job.get("id").asString();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      String state = http.get().uri("/api/v1/pruning/jobs/{id}", id).retrieve().body(JsonNode.class).get("state")
          .asString();
      assertThat(state).isNotIn("FAILED", "CANCELLED");
      return state.equals("SUCCEEDED");
    });
    return http.get().uri("/api/v1/pruning/jobs/{id}/result", id).retrieve().body(JsonNode.class);
  }

  @Test
  void scoreSelectAndFetchTheSubsetFromTheCatalog() throws IOException {
    Random r = new Random(2);
    int n = 3 * PER_CLASS;
    float[] points = new float[n * DIMENSION];
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < DIMENSION; k++) {
        points[i * DIMENSION + k] = (float) (r.nextGaussian() + (k == i % 3 ? 4 : 0));
      }
      classes[i] = i % 3;
    }
    JsonNode embeddings = upload("blobs", NpyWriter.float32(points, n, DIMENSION));
    JsonNode labels = upload("blob-labels", NpyWriter.int64(classes));
    String input = "{\"dataset\":\"" + embeddings.get("id").asString() + "\",\"labels\":\""
        + labels.get("id").asString() + "\"}";

    JsonNode score = run("{\"type\":\"pruning.score\",\"seed\":5,\"params\":{\"embeddings\":" + input
        + ",\"manifold\":{\"epochs\":50},\"local\":{\"patchK\":8}}}");
    assertThat(score.get("result").get("samples").asInt()).isEqualTo(n);
    JsonNode select = run("{\"type\":\"pruning.select\",\"seed\":5,\"params\":{\"embeddings\":" + input
        + ",\"scores\":\"" + score.get("jobId").asString() + "\",\"pruneRate\":0.75,\"name\":\"blobs-quarter\"}}");
    String subsetId = select.get("result").get("dataset").asString();
    int[] kept = NpyReader.readInts(new ByteArrayInputStream(http.get()
        .uri("/api/v1/pruning/jobs/{id}/artifacts/kept.npy", select.get("jobId").asString()).retrieve()
        .body(byte[].class))).data();
    assertThat(kept).hasSize(30);

    JsonNode subset = http.get().uri("/api/v1/datasets/{id}", subsetId).retrieve().body(JsonNode.class);
    assertThat(subset.get("name").asString()).isEqualTo("blobs-quarter");
    assertThat(subset.get("shape").toString()).isEqualTo("[30," + DIMENSION + "]");
    assertThat(subset.get("lineage").get("parents").toString()).isEqualTo("[\"" + embeddings.get("id").asString()
        + "\",\"" + labels.get("id").asString() + "\"]");
    assertThat(subset.get("lineage").get("service").asString()).isEqualTo("pruning");
    assertThat(subset.get("lineage").get("jobId").asString()).isEqualTo(select.get("jobId").asString());
    float[] rows = NpyReader.readFloats(new ByteArrayInputStream(http.get()
        .uri("/api/v1/datasets/{id}/content", subsetId).retrieve().body(byte[].class))).data();
    for (int i = 0; i < kept.length; i++) {
      assertThat(Arrays.copyOfRange(rows, i * DIMENSION, (i + 1) * DIMENSION))
          .containsExactly(Arrays.copyOfRange(points, kept[i] * DIMENSION, (kept[i] + 1) * DIMENSION));
    }
    String labelsId = select.get("result").get("labelsDataset").asString();
    int[] keptLabels = NpyReader.readInts(new ByteArrayInputStream(http.get()
        .uri("/api/v1/datasets/{id}/content", labelsId).retrieve().body(byte[].class))).data();
    for (int i = 0; i < kept.length; i++) {
      assertThat(keptLabels[i]).isEqualTo(kept[i] % 3);
    }

    JsonNode refused = http.post().uri("/api/v1/pruning/jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"type\":\"pruning.select\",\"params\":{\"embeddings\":" + input + ",\"method\":\"random\","
            + "\"pruneRate\":0.99}}").retrieve().body(JsonNode.class);
    assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.get("type").asString()).isEqualTo("urn:trustml:problem:class-too-small");
  }

  @Test
  void anImageFolderZipUploadedToTheCatalogEmbedsWithItsFolderLabels() throws IOException {
    // the real catalog's descriptor (classes included) reaches the service through the internal API
    byte[] zip = ImageFolderZips.colourPatterns(3, 6, 8, 9, "shapes");
    JsonNode images = http.post().uri("/api/v1/datasets?name=shapes").contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(zip).retrieve().body(JsonNode.class);
    assertThat(images.get("format").asString()).as(images.toString()).isEqualTo("image-folder");
    String id = images.get("id").asString();

    JsonNode embed = run("{\"type\":\"pruning.embed\",\"seed\":5,\"params\":{\"images\":\"" + id
        + "\",\"embeddingDim\":4,\"epochs\":1,\"batchSize\":6,\"name\":\"shapes-emb\"}}");
    JsonNode result = embed.get("result");
    assertThat(result.get("samples").asInt()).isEqualTo(18);
    assertThat(result.get("classNames").toString()).isEqualTo("[\"class-0\",\"class-1\",\"class-2\"]");
    JsonNode embeddings = http.get().uri("/api/v1/datasets/{id}", result.get("dataset").asString()).retrieve()
        .body(JsonNode.class);
    assertThat(embeddings.get("shape").toString()).isEqualTo("[18,4]");
    assertThat(embeddings.get("lineage").get("parents").toString()).isEqualTo("[\"" + id + "\"]");
    int[] labels = NpyReader.readInts(new ByteArrayInputStream(http.get()
        .uri("/api/v1/datasets/{id}/content", result.get("labelsDataset").asString()).retrieve()
        .body(byte[].class))).data();
    int[] expected = new int[18];
    for (int i = 0; i < 18; i++) {
      expected[i] = i / 6;
    }
    assertThat(labels).containsExactly(expected);

    JsonNode refused = http.post().uri("/api/v1/pruning/jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"type\":\"pruning.embed\",\"params\":{\"images\":\"" + id + "\",\"labels\":\"" + id + "\"}}")
        .retrieve().body(JsonNode.class);
    assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.get("field").asString()).isEqualTo("params.labels");
  }
}
