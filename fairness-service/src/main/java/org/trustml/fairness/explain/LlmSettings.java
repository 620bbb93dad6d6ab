package org.trustml.fairness.explain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An OpenAI-compatible chat endpoint that may rephrase explanations, under {@code trustml.fairness.llm.*}. Off
 * unless the operator sets a base URL; the API key comes from the environment, never from a request.
 *
 * @param baseUrl e.g. {@code http://llm.internal:8000/v1}; empty turns phrasing off
 * @param model the model name the endpoint expects
 * @param apiKey sent as a bearer token when not empty
 * @param timeout how long one call may take before the template text is kept
 */
@ConfigurationProperties("trustml.fairness.llm")
public record LlmSettings(
    @DefaultValue("") String baseUrl,
    @DefaultValue("") String model,
    @DefaultValue("") String apiKey,
    @DefaultValue("30s") Duration timeout) {

  public boolean enabled() {
    return !baseUrl.isBlank();
  }
}
