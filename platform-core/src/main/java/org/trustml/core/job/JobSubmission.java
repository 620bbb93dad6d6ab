package org.trustml.core.job;

import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/<service>/jobs}.
 *
 * @param type the job type, one of the service's handlers
 * @param params the method's parameters; validated against the handler's parameters type
 * @param seed optional; a random one is drawn and recorded when absent
 * @param priority optional; higher runs first
 */
public record JobSubmission(@NotBlank String type, JsonNode params, Long seed, Integer priority) {}
