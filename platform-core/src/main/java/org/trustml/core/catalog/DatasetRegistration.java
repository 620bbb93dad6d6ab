package org.trustml.core.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.trustml.core.artifact.ArtifactRef;

/**
 * What a job sends to register a dataset it produced; the registry inspects the stored bytes itself.
 *
 * @param artifact content already in the artifact store
 */
public record DatasetRegistration(
    @NotBlank String owner,
    @NotBlank String name,
    @NotNull ArtifactRef artifact,
    String format,
    String labelColumn,
    List<String> protectedColumns,
    @NotNull Lineage lineage) {}
