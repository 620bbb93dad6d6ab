package org.trustml.core.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import org.trustml.core.artifact.ArtifactRef;

/**
 * A registered dataset: its bytes in the artifact store and what the registry learned from them.
 *
 * @param format csv, idx or npy
 * @param shape for array formats, the full shape; empty for tables
 * @param dtype for array formats, the element type; null for tables
 */
public record DatasetDescriptor(
    String id,
    String owner,
    String name,
    String format,
    ArtifactRef artifact,
    long rows,
    int columns,
    List<ColumnInfo> schema,
    String labelColumn,
    List<String> protectedColumns,
    List<Integer> shape,
    String dtype,
    Lineage lineage,
    OffsetDateTime createdAt) {}
