package org.trustml.core.job;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * How job parameters are read, the same at submission and on the worker: unknown fields are an error (a typo
 * must not be silently ignored), an absent primitive takes its default (a required value is a boxed type with
 * {@code @NotNull}).
 */
final class JobParams {

  private JobParams() {}

  static ObjectReader reader(JsonMapper json, Class<?> type) {
    return json.readerFor(type)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }
}
