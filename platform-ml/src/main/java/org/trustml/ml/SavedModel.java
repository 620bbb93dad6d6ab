package org.trustml.ml;

import org.trustml.core.artifact.ArtifactRef;

/**
 * A model in the artifact store: a JSON manifest (what to build, the engine that trained it, the parameters'
 * digest) and DJL's parameter bytes. The manifest's digest is the model's handle: {@link ModelStore#load} needs
 * nothing else.
 *
 * @param manifest the manifest JSON ({@value ModelStore#MANIFEST_MEDIA_TYPE})
 * @param parameters the parameters ({@value ModelStore#PARAMETERS_MEDIA_TYPE})
 * @param spec the architecture the manifest records
 */
public record SavedModel(ArtifactRef manifest, ArtifactRef parameters, ModelSpec spec) {}
