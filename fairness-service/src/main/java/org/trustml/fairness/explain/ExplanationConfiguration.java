package org.trustml.fairness.explain;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The optional language-model phrasing of explanations, off unless {@code trustml.fairness.llm.base-url} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmSettings.class)
class ExplanationConfiguration {

  @Bean
  LlmPhraser llmPhraser(LlmSettings settings, JsonMapper json) {
    return new LlmPhraser(settings, json);
  }
}
