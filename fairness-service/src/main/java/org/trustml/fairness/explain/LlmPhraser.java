package org.trustml.fairness.explain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks an OpenAI-compatible chat endpoint to rephrase an explanation for a non-specialist. The model may only
 * reword: an answer that contains a number the template text does not is discarded, so that no figure in an
 * explanation is made up. Any failure keeps the template text and says why in {@code phrasedBy}.
 */
public final class LlmPhraser {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final String INSTRUCTION = "You rewrite a fairness report on a machine-learning model for a "
      + "non-specialist reader in a short paragraph. Keep every number exactly as written and add no number, "
      + "claim or advice that the report does not contain.";

  private final LlmSettings settings;
  private final JsonMapper json;
  private final HttpClient http;

  public LlmPhraser(LlmSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** The explanation rephrased, or unchanged with the reason when phrasing is off or fails. */
  public Explanation phrase(Explanation e) {
    if (!enabled()) {
      return e;
    }
    try {
      String answer = ask(e.text());
      Set<String> allowed = numbers(e.text());
      for (String n : numbers(answer)) {
        if (!allowed.contains(n)) {
          return e.rephrased(e.text(), "template (the language model's answer added the number " + n
              + " and was discarded)");
        }
      }
      return e.rephrased(answer.strip(), settings.model());
    } catch (Exception ex) {
      if (ex instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return e.rephrased(e.text(), "template (the language model failed: " + ex.getMessage() + ")");
    }
  }

  private String ask(String text) throws Exception {
    ObjectNode body = json.createObjectNode();
    body.put("model", settings.model());
    body.put("temperature", 0);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", INSTRUCTION);
    messages.addObject().put("role", "user").put("content", text);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(settings.baseUrl())
            + "/chat/completions"))
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    if (!settings.apiKey().isBlank()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
    if (!content.isString() || content.stringValue().isBlank()) {
      throw new IllegalStateException("no message content in the answer");
    }
    return content.stringValue();
  }

  private static Set<String> numbers(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
