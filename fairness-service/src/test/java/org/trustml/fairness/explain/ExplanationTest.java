package org.trustml.fairness.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExplanationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final TradeOff FACTS = new TradeOff("MMM-Fair (AdaBoost), equalized odds", 120, 500,
      "pseudo-weights without preference", "the test set (1,000 rows)",
      Map.of("error", 0.18, "balancedError", 0.25, "eo:cells", 0.08, "eo:sex", 0.05, "eo:race", 0.07),
      Map.of("theta", 480.0, "error", 0.15, "balancedError", 0.22, "eo:cells", 0.31),
      Map.of("theta", 12.0, "error", 0.24, "eo:cells", 0.03), "eo:cells", List.of("race=Other & sex=Female"));

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void theTemplateStatesTheMeasuredTradeOff() {
    Explanation e = TradeOffExplainer.explain(FACTS);
    assertThat(e.text())
        .contains("uses 120 of its 500 learners")
        .contains("accuracy 82.0%")
        .contains("gives up 3.0 points of accuracy and lowers the worst equalized-odds gap between intersectional "
            + "groups by 0.230 (from 0.310 to 0.080)")
        .contains("The fairest candidate (12 learners)")
        .contains("equalized-odds gap on sex is 0.050")
        .contains("race=Other & sex=Female");
    assertThat(e.statements()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(e.phrasedBy()).isEqualTo("template");
  }

  @Test
  void anOpenAiCompatibleEndpointRephrasesWithoutNewNumbers() throws Exception {
    AtomicReference<JsonNode> request = new AtomicReference<>();
    AtomicReference<String> auth = new AtomicReference<>();
    serve(body -> {
      request.set(JSON.readTree(body));
      return "The model keeps 120 of 500 learners and lowers the gap from 0.310 to 0.080.";
    }, auth);
    LlmPhraser phraser = new LlmPhraser(settings(), JSON);
    Explanation e = phraser.phrase(TradeOffExplainer.explain(FACTS));

    assertThat(e.phrasedBy()).isEqualTo("local-model");
    assertThat(e.text()).startsWith("The model keeps 120");
    assertThat(request.get().path("model").stringValue()).isEqualTo("local-model");
    assertThat(request.get().path("messages").get(1).path("content").stringValue()).contains("120 of its 500");
    assertThat(auth.get()).isEqualTo("Bearer secret");
  }

  @Test
  void anAnswerThatInventsANumberIsDiscarded() throws Exception {
    serve(body -> "The model is 99.9 percent fair.", new AtomicReference<>());
    Explanation template = TradeOffExplainer.explain(FACTS);
    Explanation e = new LlmPhraser(settings(), JSON).phrase(template);
    assertThat(e.text()).isEqualTo(template.text());
    assertThat(e.phrasedBy()).contains("added the number 99.9");
  }

  @Test
  void aFailingEndpointKeepsTheTemplate() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", x -> {
      x.sendResponseHeaders(503, -1);
      x.close();
    });
    server.start();
    Explanation e = new LlmPhraser(settings(), JSON).phrase(TradeOffExplainer.explain(FACTS));
    assertThat(e.phrasedBy()).startsWith("template").contains("503");
  }

  @Test
  void phrasingIsOffByDefault() {
    LlmSettings off = new LlmSettings("", "", "", Duration.ofSeconds(1));
    Explanation template = TradeOffExplainer.explain(FACTS);
    assertThat(new LlmPhraser(off, JSON).phrase(template)).isSameAs(template);
  }

  private LlmSettings settings() {
    return new LlmSettings("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/", "local-model", "secret",
        Duration.ofSeconds(5));
  }

  private interface Answer {
    String to(String body) throws Exception;
  }

  private void serve(Answer answer, AtomicReference<String> auth) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", x -> {
      try {
        auth.set(x.getRequestHeaders().getFirst("Authorization"));
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var reply = JSON.createObjectNode();
        reply.putArray("choices").addObject().putObject("message").put("role", "assistant")
            .put("content", answer.to(body));
        byte[] bytes = JSON.writeValueAsBytes(reply);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
      } catch (Exception e) {
        x.sendResponseHeaders(500, -1);
      } finally {
        x.close();
      }
    });
    server.start();
  }
}
