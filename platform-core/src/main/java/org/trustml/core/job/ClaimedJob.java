package org.trustml.core.job;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A job a worker has just claimed: what it needs to run it. */
record ClaimedJob(
    UUID id, String type, String owner, String paramsJson, long seed, int attempt, OffsetDateTime createdAt) {}
