package org.trustml.core.job;

import java.util.List;

/** One page of a job listing; pass {@code nextPageToken} back to get the next page (null on the last page). */
public record JobPage(List<Job> jobs, String nextPageToken) {}
