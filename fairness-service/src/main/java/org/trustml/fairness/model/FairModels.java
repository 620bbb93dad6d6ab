package org.trustml.fairness.model;

import java.io.IOException;
import java.io.InputStream;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.web.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the sidecar of a registered fair boosted model. */
public final class FairModels {

  private FairModels() {}

  /**
   * @throws ProblemException 400 {@code not-a-fair-model} when the catalog model was not made by this service's
   *     training job
   */
  public static FairModel read(ModelDescriptor d, ArtifactStore store, JsonMapper json) throws IOException {
    JsonNode meta = d.metadata();
    if (meta == null || !"trustml-fair-boosting".equals(meta.path("kind").asString(""))
        || !meta.path("sidecar").isString()) {
      throw ProblemException.badRequest("not-a-fair-model", "model " + d.id() + " was not trained by the fairness "
          + "service's MMM-Fair job, so it has no front to choose from").with("field", "params.model");
    }
    try (InputStream in = store.open(meta.path("sidecar").stringValue())) {
      FairModel m = json.readValue(in, FairModel.class);
      if (m.formatVersion() != FairModel.FORMAT) {
        throw ProblemException.badRequest("not-a-fair-model", "model " + d.id() + " has sidecar format "
            + m.formatVersion() + "; this service reads " + FairModel.FORMAT);
      }
      return m;
    }
  }
}
