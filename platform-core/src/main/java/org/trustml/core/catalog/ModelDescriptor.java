package org.trustml.core.catalog;

import java.time.OffsetDateTime;
import org.trustml.core.artifact.ArtifactRef;
import tools.jackson.databind.JsonNode;

/**
 * A registered model.
 *
 * @param framework how the bytes are to be read, e.g. {@code onnx}, {@code djl-pytorch}, {@code trustml-json}
 * @param metadata free-form facts about the model (inputs, metrics, model card)
 */
public record ModelDescriptor(
    String id,
    String owner,
    String name,
    String framework,
    ArtifactRef artifact,
    JsonNode metadata,
    Lineage lineage,
    OffsetDateTime createdAt) {}
