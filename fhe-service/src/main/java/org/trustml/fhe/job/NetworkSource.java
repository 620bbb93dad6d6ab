package org.trustml.fhe.job;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.web.ProblemException;
import org.trustml.fhe.model.PolyNetwork;
import org.trustml.fhe.model.PolyNetworkFormat;

/** Reads the plaintext networks the service compiles: catalog models in the {@code trustml-poly-network} format. */
@Component
public class NetworkSource {

  /** The catalog framework of a {@link PolyNetworkFormat} model. */
  public static final String FRAMEWORK = PolyNetworkFormat.FORMAT;

  private final CatalogClient catalog;
  private final ArtifactStore store;

  NetworkSource(CatalogClient catalog, ArtifactStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  /** A network and the digest of its JSON. */
  public record Loaded(String model, String sha256, PolyNetwork network) {}

  /**
   * The owner's catalog model {@code id}; the catalog's 404 for an unknown or foreign model, a 400 naming
   * {@code field} for another framework or an unreadable document.
   */
  public Loaded load(String owner, String id, String field) {
    ModelDescriptor d = catalog.model(owner, id);
    if (!FRAMEWORK.equals(d.framework())) {
      throw ProblemException.badRequest("invalid-model", "model " + id + " is a " + d.framework() + " model; "
          + "encrypted inference compiles " + FRAMEWORK + " models (dense and x^2 layers)").with("field", field);
    }
    return read(d.id(), d.artifact().sha256(), field);
  }

  /** The network stored at {@code sha256}. */
  public Loaded read(String model, String sha256, String field) {
    String text = new String(store.readAllBytes(sha256), StandardCharsets.UTF_8);
    try {
      return new Loaded(model, sha256, PolyNetworkFormat.fromJson(text));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("invalid-model", "model " + model + " is not a readable "
          + FRAMEWORK + " document: " + e.getMessage()).with("field", field);
    }
  }
}
