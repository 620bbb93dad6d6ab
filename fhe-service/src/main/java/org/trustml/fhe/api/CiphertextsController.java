package org.trustml.fhe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.web.ProblemException;
import org.trustml.core.web.Tenants;
import org.trustml.fhe.job.EncryptedInputs;
import org.trustml.fhe.job.StoredPlans;
import org.trustml.fhe.keys.KeySet;
import org.trustml.fhe.keys.KeySetRegistry;

/**
 * Uploads a batch of input ciphertexts ({@code CiphertextBatch} bytes) for an {@code fhe.infer} job. The container and
 * every header are checked; given {@code plan} and {@code keySet}, every ciphertext is checked against them as the
 * job will (count, parameter set, level, scale, bytes), so a bad batch is a 400 here rather than at submission.
 */
@RestController
@RequestMapping("/api/v1/fhe/ciphertexts")
@Tag(name = "fhe")
class CiphertextsController {

  private final ArtifactStore store;
  private final StoredPlans plans;
  private final KeySetRegistry keys;

  CiphertextsController(ArtifactStore store, StoredPlans plans, KeySetRegistry keys) {
    this.store = store;
    this.plans = plans;
    this.keys = keys;
  }

  /** What was stored: {@code sha256} is what {@code fhe.infer} takes as {@code inputs}. */
  record Uploaded(String sha256, long bytes, int count, String parameterSet, String parameterId, int level,
      double scale, boolean checkedAgainstPlan) {}

  @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  @Operation(operationId = "uploadFheCiphertexts", summary = "Upload a batch of input ciphertexts; returns its "
      + "SHA-256 for fhe.infer")
  ResponseEntity<Uploaded> upload(@RequestParam(required = false) String plan,
      @RequestParam(required = false) String keySet, HttpServletRequest http) throws IOException {
    byte[] body = read(http);
    EncryptedInputs.Summary summary = EncryptedInputs.summarize(body, "body");
    boolean checked = plan != null || keySet != null;
    if (checked) {
      if (plan == null || keySet == null) {
        throw ProblemException.badRequest("invalid-request", "plan and keySet go together: give both to check the "
            + "batch against them, or neither").with("field", plan == null ? "plan" : "keySet");
      }
      String owner = Tenants.of(http);
      StoredPlans.Loaded loaded = plans.load(owner, plan, "plan");
      KeySet k = keys.find(owner, keySet);
      if (!k.parameterSet().equals(loaded.document().parameterSet())) {
        throw ProblemException.badRequest("mismatched-parameters", "key set " + keySet + " belongs to "
            + k.parameterSet() + ", plan " + plan + " to " + loaded.document().parameterSet())
            .with("field", "keySet");
      }
      EncryptedInputs.parse(body, loaded.document(), loaded.plan().parameters(), "body");
    }
    ArtifactRef ref = store.putBytes(body, "application/vnd.trustml.ckks-batch", "inputs.ckks");
    return ResponseEntity.status(201).body(new Uploaded(ref.sha256(), ref.sizeBytes(), summary.count(),
        summary.parameterSet(), summary.parameterId(), summary.level(), summary.scale(), checked));
  }

  private byte[] read(HttpServletRequest http) throws IOException {
    long max = store.maxBytes();
    try (InputStream in = http.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        throw new ProblemException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "too-large",
            "a batch may have at most " + max + " bytes");
      }
      return body;
    }
  }
}
