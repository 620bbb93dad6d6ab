package org.trustml.core.web;

import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;

/** A streamed download of stored content, with its type, length, digest as ETag and a file name. */
public final class ArtifactDownloads {

  private ArtifactDownloads() {}

  public static ResponseEntity<InputStreamResource> of(ArtifactStore store, ArtifactRef ref, String fileName)
      throws IOException {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ref.mediaType()))
        .contentLength(ref.sizeBytes())
        .eTag("\"" + ref.sha256() + "\"")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
        .body(new InputStreamResource(store.open(ref.sha256())));
  }
}
