package org.trustml.core.job;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.trustml.core.artifact.ArtifactRef;
import tools.jackson.databind.JsonNode;

/**
 * A job as the API shows it.
 *
 * @param queuePosition while QUEUED, how many ready jobs of the service run before it (0: next); null otherwise
 *     and in listings
 */
public record Job(
    UUID id,
    String service,
    String type,
    String owner,
    JobState state,
    JsonNode params,
    long seed,
    int priority,
    int attempt,
    int maxAttempts,
    boolean cancelRequested,
    JobProgress progress,
    JsonNode result,
    JsonNode error,
    JsonNode versions,
    JsonNode timings,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    List<JobEvent> history,
    List<ArtifactRef> artifacts,
    Long queuePosition) {}
