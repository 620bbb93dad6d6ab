package org.trustml.gateway.catalog;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.catalog.ModelRegistration;
import org.trustml.core.web.Headers;

/**
 * The catalog as services see it: resolve a reference for the tenant a job runs for, register what a job made.
 * Only reachable with the platform's internal token.
 */
@RestController
@RequestMapping("/internal/v1")
@Hidden
class InternalCatalogController {

  private final DatasetCatalog datasets;
  private final ModelCatalog models;

  InternalCatalogController(DatasetCatalog datasets, ModelCatalog models) {
    this.datasets = datasets;
    this.models = models;
  }

  @GetMapping("/datasets/{id}")
  DatasetDescriptor dataset(@PathVariable String id, @RequestHeader(Headers.TENANT) String tenant) {
    return datasets.get(tenant, id);
  }

  @PostMapping("/datasets")
  ResponseEntity<DatasetDescriptor> registerDataset(@Valid @RequestBody DatasetRegistration registration) {
    return ResponseEntity.status(201).body(datasets.register(registration));
  }

  @GetMapping("/models/{id}")
  ModelDescriptor model(@PathVariable String id, @RequestHeader(Headers.TENANT) String tenant) {
    return models.get(tenant, id);
  }

  @PostMapping("/models")
  ResponseEntity<ModelDescriptor> registerModel(@Valid @RequestBody ModelRegistration registration) {
    return ResponseEntity.status(201).body(models.register(registration));
  }
}
