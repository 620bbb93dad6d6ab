package org.trustml.core.catalog;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.trustml.core.web.Headers;
import org.trustml.core.web.ProblemException;

/** {@link CatalogClient} over the gateway's internal HTTP API ({@code /internal/v1/...}). */
public class HttpCatalogClient implements CatalogClient {

  private final RestClient http;

  public HttpCatalogClient(RestClient.Builder builder, URI baseUrl, String internalToken) {
    this.http = builder.clone()
        .baseUrl(baseUrl.toString())
        .defaultHeader(Headers.INTERNAL_TOKEN, internalToken)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {
          throw new ProblemException(org.springframework.http.HttpStatus.valueOf(res.getStatusCode().value()),
              "catalog", "catalog answered " + res.getStatusCode().value() + " for " + req.getURI().getPath()
              + ": " + new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        })
        .build();
  }

  @Override
  public DatasetDescriptor dataset(String owner, String id) {
    return http.get().uri("/internal/v1/datasets/{id}", id).header(Headers.TENANT, owner)
        .retrieve().body(DatasetDescriptor.class);
  }

  @Override
  public ModelDescriptor model(String owner, String id) {
    return http.get().uri("/internal/v1/models/{id}", id).header(Headers.TENANT, owner)
        .retrieve().body(ModelDescriptor.class);
  }

  @Override
  public DatasetDescriptor registerDataset(DatasetRegistration registration) {
    return http.post().uri("/internal/v1/datasets").header(Headers.TENANT, registration.owner())
        .body(registration).retrieve().body(DatasetDescriptor.class);
  }

  @Override
  public ModelDescriptor registerModel(ModelRegistration registration) {
    return http.post().uri("/internal/v1/models").header(Headers.TENANT, registration.owner())
        .body(registration).retrieve().body(ModelDescriptor.class);
  }
}
