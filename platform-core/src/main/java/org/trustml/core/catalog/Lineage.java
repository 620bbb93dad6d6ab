package org.trustml.core.catalog;

import java.util.List;

/**
 * Where a dataset or model came from.
 *
 * @param parents ids of the datasets and models it was made from (empty for an upload)
 * @param service the service whose job made it, or null for an upload
 * @param jobId that job, or null
 */
public record Lineage(List<String> parents, String service, String jobId) {

  public Lineage {
    parents = parents == null ? List.of() : List.copyOf(parents);
  }

  public static Lineage upload() {
    return new Lineage(List.of(), null, null);
  }
}
