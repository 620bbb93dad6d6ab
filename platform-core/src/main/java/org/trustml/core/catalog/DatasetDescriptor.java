package org.trustml.core.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.dataset.ImageClass;

/**
 * A registered dataset: its bytes in the artifact store and what the registry learned from them.
 *
 * @param format csv, idx, npy or image-folder (a ZIP of {@code <class>/<image>} files)
 * @param shape for array formats, the full shape ({@code [n, channels, height, width]} for an image folder); empty for
 *     tables
 * @param dtype for array formats, the element type; null for tables
 * @param classes for an image folder, its classes in code order (sorted folder names) with their image counts; empty
 *     otherwise (never null)
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
    OffsetDateTime createdAt,
    List<ImageClass> classes) {

  /** Copies the classes; a descriptor without them (from an older catalog) has none. */
  public DatasetDescriptor {
    classes = classes == null ? List.of() : List.copyOf(classes);
  }

  /** A descriptor of a dataset that is not an image folder: no classes. */
  public DatasetDescriptor(String id, String owner, String name, String format, ArtifactRef artifact, long rows,
      int columns, List<ColumnInfo> schema, String labelColumn, List<String> protectedColumns, List<Integer> shape,
      String dtype, Lineage lineage, OffsetDateTime createdAt) {
    this(id, owner, name, format, artifact, rows, columns, schema, labelColumn, protectedColumns, shape, dtype,
        lineage, createdAt, List.of());
  }
}
