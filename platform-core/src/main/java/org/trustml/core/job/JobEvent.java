package org.trustml.core.job;

import java.time.OffsetDateTime;

/** One entry of a job's state history. */
public record JobEvent(OffsetDateTime at, JobState state, String message) {}
