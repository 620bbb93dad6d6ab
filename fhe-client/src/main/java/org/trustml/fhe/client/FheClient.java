package org.trustml.fhe.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.trustml.fhe.model.ImageFeatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * fhe-service's REST API through the gateway ({@code X-API-Key}), with {@code java.net.http}. Every call that the
 * server refuses throws a {@link FheProblemException} carrying the problem detail. Nothing here takes a secret key:
 * keys go out as the evaluation keys of {@link ClientKeys}, inputs as ciphertexts ({@link BatchCrypto}).
 */
public final class FheClient {

  private static final String FHE = "/api/v1/fhe";

  private final URI base;
  private final String apiKey;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private Duration pollInterval = Duration.ofMillis(200);

  /** A client of the platform at {@code baseUrl} (the gateway, e.g. {@code http://localhost:8080}). */
  public FheClient(String baseUrl, String apiKey) {
    this.base = URI.create(baseUrl.replaceAll("/+$", ""));
    this.apiKey = apiKey;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** How often {@link #await} asks for the job (default 200 ms). */
  public FheClient pollInterval(Duration interval) {
    this.pollInterval = interval;
    return this;
  }

  /** A job as the server shows it: id, type, state, params, result and error (the last two null until known). */
  public record Job(String id, String type, String state, JsonNode params, JsonNode result, JsonNode error,
      double progress, String stage) {

    /** Whether the job will not change again. */
    public boolean isTerminal() {
      return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
    }

    static Job of(JsonNode n) {
      JsonNode progress = n.path("progress");
      return new Job(n.path("id").asString(), n.path("type").asString(), n.path("state").asString(),
          n.path("params"), n.get("result") == null || n.get("result").isNull() ? null : n.get("result"),
          n.get("error") == null || n.get("error").isNull() ? null : n.get("error"),
          progress.path("fraction").asDouble(0), progress.path("stage").asString(""));
    }
  }

  /**
   * What a client encrypts for: the plan document's input shape and the model it was compiled from.
   *
   * @param packing       {@value #THROUGHPUT} or {@value #LATENCY}: decides how {@link BatchCrypto} packs
   * @param inputScale    the exact scale to encode at
   * @param batchSize     throughput: images per batch (one per slot); latency: most images per request
   * @param inputPeriod   latency: the period an image's features are replicated with; 0 with throughput
   * @param rotationSteps the rotation steps the keys need Galois keys for (none with throughput)
   */
  public record Plan(String id, String model, String parameterSet, String packing, int inputLevel, double inputScale,
      int inputCount, int outputCount, int batchSize, int inputPeriod, int[] rotationSteps, JsonNode document) {

    /** Whether the plan takes one ciphertext per image. */
    public boolean isLatency() {
      return LATENCY.equals(packing);
    }
  }

  /** One ciphertext per feature, one image per slot. */
  public static final String THROUGHPUT = "throughput";
  /** One ciphertext per image; needs Galois keys for the plan's rotation steps. */
  public static final String LATENCY = "latency";

  /** Registers the evaluation keys (public, relinearisation, Galois if any) and returns the key set's id. */
  public String registerKeys(ClientKeys keys) {
    String boundary = "trustml-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "publicKey", ClientKeys.PUBLIC, keys.publicKey());
    part(body, boundary, "relinearizationKey", ClientKeys.RELINEARIZATION, keys.relinearizationKey());
    if (keys.galoisKeys() != null) {
      part(body, boundary, "galoisKeys", ClientKeys.GALOIS, keys.galoisKeys());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(request(FHE + "/keysets").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))).path("id").asString();
  }

  /** Sends exactly these multipart file parts (for a caller that builds its own, e.g. a test of refusals). */
  public JsonNode registerKeyParts(Map<String, byte[]> parts) {
    String boundary = "trustml-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    parts.forEach((name, bytes) -> part(body, boundary, name, name + ".ckks", bytes));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(request(FHE + "/keysets").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The compiled plan {@code id} (the {@code fhe.compile} job's id). */
  public Plan plan(String id) {
    JsonNode d = send(request(FHE + "/plans/" + encode(id)).GET());
    int[] steps = new int[d.path("rotationSteps").size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = d.path("rotationSteps").get(i).asInt();
    }
    return new Plan(id, d.path("model").asString(), d.path("parameterSet").asString(), d.path("packing").asString(),
        d.path("inputLevel").asInt(), d.path("inputScale").asDouble(), d.path("inputCount").asInt(),
        d.path("outputCount").asInt(), d.path("batchSize").asInt(), d.path("inputPeriod").asInt(0), steps, d);
  }

  /** A catalog model's descriptor. */
  public JsonNode model(String id) {
    return send(request("/api/v1/models/" + encode(id)).GET());
  }

  /**
   * The feature pipeline the plan's model was trained with, rebuilt from what {@code fhe.train} recorded in the
   * model's metadata ({@code features}: description, per-channel means and standard deviations).
   *
   * @throws IllegalArgumentException if the model has no such metadata (e.g. a network uploaded by hand)
   */
  public ImageFeatures features(Plan plan) {
    JsonNode features = model(plan.model()).path("metadata").path("features");
    if (!features.has("description") || !features.path("means").isArray() || !features.path("stds").isArray()) {
      throw new IllegalArgumentException("model " + plan.model() + " records no feature pipeline (metadata.features "
          + "with description, means and stds, as fhe.train writes); compute the features yourself");
    }
    return ImageFeatures.restore(features.get("description").asString(), doubles(features.get("means")),
        doubles(features.get("stds")));
  }

  /** Uploads a batch of input ciphertexts, checked against the plan and key set; returns its SHA-256. */
  public String uploadInputs(byte[] batch, String plan, String keySet) {
    return send(request(FHE + "/ciphertexts?plan=" + encode(plan) + "&keySet=" + encode(keySet))
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(batch)))
        .path("sha256").asString();
  }

  /** Submits a job of {@code type} with {@code params}. */
  public Job submit(String type, Map<String, ?> params) {
    ObjectNode body = json.createObjectNode();
    body.put("type", type);
    body.set("params", json.valueToTree(params));
    return Job.of(send(request(FHE + "/jobs").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))));
  }

  /** Submits {@code fhe.compile} of a catalog model with throughput packing; the job's id is the plan's. */
  public Job compile(String model) {
    return compile(model, THROUGHPUT);
  }

  /** Submits {@code fhe.compile} of a catalog model with {@code packing}; the job's id is the plan's. */
  public Job compile(String model, String packing) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", model);
    params.put("packing", packing);
    return submit("fhe.compile", params);
  }

  /** Submits {@code fhe.infer} of an uploaded batch of {@code images} images. */
  public Job infer(String plan, String keySet, String inputs, int images) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("plan", plan);
    params.put("keySet", keySet);
    params.put("inputs", inputs);
    params.put("images", images);
    return submit("fhe.infer", params);
  }

  /** The job now. */
  public Job job(String id) {
    return Job.of(send(request(FHE + "/jobs/" + encode(id)).GET()));
  }

  /**
   * Polls the job until it succeeded, failed or was cancelled.
   *
   * @throws IllegalStateException if it is still running after {@code timeout}
   */
  public Job await(String id, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Job job = job(id);
      if (job.isTerminal()) {
        return job;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("job " + id + " is still " + job.state() + " after " + timeout + " ("
            + job.stage() + ")");
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for job " + id, e);
      }
    }
  }

  /**
   * {@link #await}, then the job's result.
   *
   * @throws IllegalStateException if the job failed or was cancelled (with its error)
   */
  public Job awaitSuccess(String id, Duration timeout) {
    Job job = await(id, timeout);
    if (!"SUCCEEDED".equals(job.state())) {
      throw new IllegalStateException("job " + id + " (" + job.type() + ") ended " + job.state()
          + (job.error() == null ? "" : ": " + job.error()));
    }
    return job;
  }

  /** A job's artifact's bytes. */
  public byte[] artifact(String jobId, String name) {
    return sendBytes(request(FHE + "/jobs/" + encode(jobId) + "/artifacts/" + encode(name)).GET());
  }

  /**
   * Downloads the encrypted logits of a succeeded {@code fhe.infer} job and decrypts them: {@code [image][class]}.
   * Reads the job's plan for its packing and class count.
   */
  public double[][] decryptLogits(String inferJob, ClientKeys keys) {
    Job job = job(inferJob);
    if (!"SUCCEEDED".equals(job.state())) {
      throw new IllegalStateException("job " + inferJob + " is " + job.state() + "; its logits exist once it "
          + "succeeded");
    }
    Plan plan = plan(job.params().path("plan").asString());
    return BatchCrypto.decryptLogits(plan, keys, artifact(inferJob, "logits.ckks"),
        job.params().path("images").asInt());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10));
    if (apiKey != null) {
      b.header("X-API-Key", apiKey);
    }
    return b;
  }

  private JsonNode send(HttpRequest.Builder request) {
    byte[] body = sendBytes(request.header("Accept", "application/json, application/problem+json"));
    return body.length == 0 ? json.createObjectNode() : json.readTree(body);
  }

  private byte[] sendBytes(HttpRequest.Builder request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // a refused connection has no message, only its class
      throw new UncheckedIOException("cannot reach " + base + ": " + (e.getMessage() != null ? e.getMessage()
          : e.getClass().getSimpleName()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    return response.body();
  }

  private FheProblemException problem(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    try {
      JsonNode p = json.readTree(text);
      if (p != null && p.isObject()) {
        return new FheProblemException(response.statusCode(), text(p, "type"),
            text(p, "detail") != null ? text(p, "detail") : text(p, "title"), text(p, "field"));
      }
    } catch (RuntimeException notJson) {
      // not a problem detail: the body itself is the best detail there is
    }
    return new FheProblemException(response.statusCode(), null, text.isBlank() ? null : text, null);
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, byte[] bytes) {
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
