package org.trustml.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.web.ArtifactDownloads;
import org.trustml.gateway.auth.Caller;

/** The public model registry: upload, listing, download. */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "models")
class ModelController {

  private final ModelCatalog catalog;
  private final ArtifactStore artifacts;

  ModelController(ModelCatalog catalog, ArtifactStore artifacts) {
    this.catalog = catalog;
    this.artifacts = artifacts;
  }

  @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  @Operation(operationId = "uploadModel", summary = "Upload a model file as the request body",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<ModelDescriptor> upload(@RequestParam String name,
      @RequestParam String framework, HttpServletRequest request) throws IOException {
    ModelDescriptor m = catalog.upload(Caller.tenant(request), name, framework, request.getInputStream());
    return ResponseEntity.created(URI.create("/api/v1/models/" + m.id())).body(m);
  }

  @GetMapping
  @Operation(operationId = "listModels", summary = "List the caller's models, newest first")
  List<ModelDescriptor> list(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
    return catalog.list(Caller.tenant(request), limit);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getModel", summary = "A model's descriptor with its lineage")
  ModelDescriptor get(@PathVariable String id, HttpServletRequest request) {
    return catalog.get(Caller.tenant(request), id);
  }

  @GetMapping("/{id}/content")
  @Operation(operationId = "downloadModel", summary = "Download the model's bytes (streamed)")
  ResponseEntity<InputStreamResource> content(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    ModelDescriptor m = catalog.get(Caller.tenant(request), id);
    return ArtifactDownloads.of(artifacts, m.artifact(), m.id());
  }
}
