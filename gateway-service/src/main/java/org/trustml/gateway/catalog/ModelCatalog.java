package org.trustml.gateway.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.catalog.ModelRegistration;
import org.trustml.core.web.ProblemException;
import org.trustml.gateway.GatewayProperties;

/** Models: uploaded by users or registered by jobs, with lineage. */
@Service
class ModelCatalog {

  private final ModelRepository repository;
  private final ArtifactStore artifacts;
  private final Lineages lineages;
  private final long maxUpload;

  ModelCatalog(ModelRepository repository, ArtifactStore artifacts, Lineages lineages, GatewayProperties props) {
    this.repository = repository;
    this.artifacts = artifacts;
    this.lineages = lineages;
    this.maxUpload = props.maxUploadSize().toBytes();
  }

  ModelDescriptor upload(String owner, String name, String framework, InputStream body) throws IOException {
    requireName(name);
    if (framework == null || !framework.matches("[a-z0-9][a-z0-9._-]{0,40}")) {
      throw ProblemException.badRequest("invalid-request", "framework must be a short lower-case word, e.g. onnx")
          .with("field", "framework");
    }
    ArtifactRef ref;
    try (UploadSpool spool = UploadSpool.of(body, maxUpload)) {
      if (spool.size() == 0) {
        throw ProblemException.badRequest("empty-upload", "the model file is empty").with("field", "body");
      }
      try (InputStream in = spool.open()) {
        ref = artifacts.put(in, "application/octet-stream", name);
      }
    }
    ModelDescriptor m = new ModelDescriptor(Ids.next("mdl"), owner, name, framework, ref, null, Lineage.upload(),
        OffsetDateTime.now());
    repository.insert(m);
    return get(owner, m.id());
  }

  ModelDescriptor register(ModelRegistration r) {
    requireName(r.name());
    try {
      if (!artifacts.exists(r.artifact().sha256())) {
        throw ProblemException.badRequest("unknown-artifact", "no stored artifact " + r.artifact().sha256())
            .with("field", "artifact");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    lineages.requireParents(r.owner(), r.lineage());
    ModelDescriptor m = new ModelDescriptor(Ids.next("mdl"), r.owner(), r.name(), r.framework(), r.artifact(),
        r.metadata(), r.lineage(), OffsetDateTime.now());
    repository.insert(m);
    return get(r.owner(), m.id());
  }

  ModelDescriptor get(String owner, String id) {
    return repository.find(owner, id).orElseThrow(() -> ProblemException.notFound("model", id));
  }

  List<ModelDescriptor> list(String owner, int limit) {
    return repository.list(owner, Math.max(1, Math.min(limit, 1000)));
  }

  static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ProblemException.badRequest("invalid-request", "name must be 1 to 200 characters").with("field", "name");
    }
  }
}
