package org.trustml.core.job;

/** Completed share in [0, 1] and the stage being worked on. */
public record JobProgress(double fraction, String stage) {}
