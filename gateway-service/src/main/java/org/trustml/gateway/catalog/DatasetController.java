package org.trustml.gateway.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.dataset.DatasetFormat;
import org.trustml.core.web.ArtifactDownloads;
import org.trustml.gateway.auth.Caller;

/** The public dataset registry: streaming upload with inspection, listing, preview and download. */
@RestController
@RequestMapping("/api/v1/datasets")
@Tag(name = "datasets")
class DatasetController {

  private final DatasetCatalog catalog;
  private final ArtifactStore artifacts;

  DatasetController(DatasetCatalog catalog, ArtifactStore artifacts) {
    this.catalog = catalog;
    this.artifacts = artifacts;
  }

  @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  @Operation(operationId = "uploadDataset", summary = "Upload a dataset (CSV, IDX, NPY or a ZIP image folder) as the "
      + "request body",
      description = "The file is streamed, checked and inspected before anything is stored: a malformed file is "
          + "a 400 that says where (line and column, byte offset, or archive entry), and nothing is kept. An image "
          + "folder is one ZIP archive of <class>/<image> PNG or JPEG files (optionally under one top-level folder); "
          + "its classes are the sorted folder names, its shape [n, channels, height, width].",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<DatasetDescriptor> upload(
      @Parameter(description = "a name for the dataset") @RequestParam String name,
      @Parameter(description = "csv, idx, npy or image-folder; detected from the bytes when absent")
      @RequestParam(required = false) String format,
      @Parameter(description = "the label (target) column of a table") @RequestParam(required = false) String label,
      @Parameter(description = "protected attribute columns, comma-separated")
      @RequestParam(name = "protected", required = false) List<String> protectedColumns,
      @Parameter(description = "CSV field delimiter, a comma by default")
      @RequestParam(required = false) Character delimiter,
      @Parameter(description = "whether the first CSV line is a header (default true)")
      @RequestParam(required = false) Boolean header,
      @Parameter(description = "column names, comma-separated, for a CSV without a header")
      @RequestParam(name = "columns", required = false) List<String> columnNames,
      @Parameter(description = "trim spaces around CSV fields") @RequestParam(required = false) Boolean trim,
      HttpServletRequest request) throws IOException {
    DatasetDescriptor d = catalog.upload(Caller.tenant(request),
        new DatasetUpload(name, format, label, protectedColumns, delimiter, header, columnNames, trim),
        request.getInputStream());
    return ResponseEntity.created(URI.create("/api/v1/datasets/" + d.id())).body(d);
  }

  @GetMapping
  @Operation(operationId = "listDatasets", summary = "List the caller's datasets, newest first")
  List<DatasetDescriptor> list(@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
    return catalog.list(Caller.tenant(request), limit);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getDataset", summary = "A dataset's descriptor: schema, roles, counts, checksum, lineage")
  DatasetDescriptor get(@PathVariable String id, HttpServletRequest request) {
    return catalog.get(Caller.tenant(request), id);
  }

  @GetMapping("/{id}/preview")
  @Operation(operationId = "previewDataset", summary = "The first rows of a table, header first")
  List<List<String>> preview(@PathVariable String id, HttpServletRequest request) {
    return catalog.preview(Caller.tenant(request), id);
  }

  @GetMapping("/{id}/content")
  @Operation(operationId = "downloadDataset", summary = "Download the dataset's bytes (streamed)")
  ResponseEntity<InputStreamResource> content(@PathVariable String id, HttpServletRequest request)
      throws IOException {
    DatasetDescriptor d = catalog.get(Caller.tenant(request), id);
    String extension = DatasetFormat.fromId(d.format()).map(DatasetFormat::fileExtension).orElse(d.format());
    return ArtifactDownloads.of(artifacts, d.artifact(), d.id() + "." + extension);
  }
}
