package org.trustml.core.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.trustml.core.artifact.ArtifactRef;
import tools.jackson.databind.JsonNode;

/** What a job sends to register a model it produced. */
public record ModelRegistration(
    @NotBlank String owner,
    @NotBlank String name,
    @NotBlank String framework,
    @NotNull ArtifactRef artifact,
    JsonNode metadata,
    @NotNull Lineage lineage) {}
