package org.trustml.pruning.job;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.time.OffsetDateTime;
import java.util.List;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ColumnInfo;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.Lineage;

/**
 * Datasets for the pruning jobs' integration tests: put in the artifact store and answered by the mocked catalog.
 */
final class PruningDatasets {

  private final ArtifactStore store;
  private final CatalogClient catalog;
  private final String owner;

  PruningDatasets(ArtifactStore store, CatalogClient catalog, String owner) {
    this.store = store;
    this.catalog = catalog;
    this.owner = owner;
  }

  /** Stores an NPY array and lets the catalog describe it as dataset {@code id}. */
  void npy(String id, byte[] bytes, List<Integer> shape, String dtype) {
    ArtifactRef ref = store.putBytes(bytes, "application/x-npy", id + ".npy");
    int columns = shape.stream().skip(1).reduce(1, (a, b) -> a * b);
    given(catalog.dataset(eq(owner), eq(id))).willReturn(new DatasetDescriptor(id, owner, id, "npy", ref,
        shape.get(0), columns, List.of(), null, List.of(), shape, dtype, Lineage.upload(), OffsetDateTime.now()));
  }

  /** Stores a CSV table of {@code rows} records and lets the catalog describe it as dataset {@code id}. */
  void csv(String id, byte[] bytes, long rows, List<ColumnInfo> schema, String label) {
    ArtifactRef ref = store.putBytes(bytes, "text/csv", id + ".csv");
    given(catalog.dataset(eq(owner), eq(id))).willReturn(new DatasetDescriptor(id, owner, id, "csv", ref,
        rows, schema.size(), schema, label, List.of(), List.of(), null, Lineage.upload(), OffsetDateTime.now()));
  }
}
