package org.trustml.fhe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.trustml.core.web.ProblemException;
import org.trustml.core.web.Tenants;
import org.trustml.fhe.keys.KeySet;
import org.trustml.fhe.keys.KeySetRegistry;
import org.trustml.fhe.keys.KeyUpload;

/**
 * A tenant's evaluation keys. The upload is multipart with exactly the parts {@code publicKey},
 * {@code relinearizationKey} and optionally {@code galoisKeys}, each a {@code CkksSerializer} object; any other part
 * is refused, so there is no way to hand the service a secret key.
 */
@RestController
@RequestMapping("/api/v1/fhe/keysets")
@Tag(name = "fhe")
class KeySetsController {

  private static final Set<String> PARTS = Set.of(KeyUpload.PUBLIC_KEY, KeyUpload.RELINEARIZATION_KEY,
      KeyUpload.GALOIS_KEYS);

  private final KeySetRegistry registry;

  KeySetsController(KeySetRegistry registry) {
    this.registry = registry;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "registerFheKeySet", summary = "Register evaluation keys (public, relinearization, "
      + "Galois); 201 with the key set, 200 if the same keys were registered before")
  ResponseEntity<KeySet> register(@RequestPart(KeyUpload.PUBLIC_KEY) MultipartFile publicKey,
      @RequestPart(KeyUpload.RELINEARIZATION_KEY) MultipartFile relinearizationKey,
      @RequestPart(value = KeyUpload.GALOIS_KEYS, required = false) MultipartFile galoisKeys,
      HttpServletRequest http) throws IOException {
    if (http instanceof MultipartHttpServletRequest multipart) {
      for (String name : multipart.getMultiFileMap().keySet()) {
        if (!PARTS.contains(name)) {
          throw ProblemException.badRequest("unknown-part", "part '" + name + "' is not accepted; a key set has "
              + "publicKey, relinearizationKey and optionally galoisKeys (never a secret key)").with("field", name);
        }
      }
    }
    String field = http.getParameterMap().keySet().stream().findFirst().orElse(null);
    if (field != null) {
      throw ProblemException.badRequest("unknown-part", "field '" + field + "' is not accepted; send the keys as "
          + "file parts publicKey, relinearizationKey and optionally galoisKeys").with("field", field);
    }
    KeySetRegistry.Registered r = registry.register(Tenants.of(http), new KeyUpload(publicKey.getBytes(),
        relinearizationKey.getBytes(), galoisKeys == null ? null : galoisKeys.getBytes()));
    URI location = URI.create("/api/v1/fhe/keysets/" + r.keySet().id());
    return r.created() ? ResponseEntity.created(location).body(r.keySet())
        : ResponseEntity.ok().location(location).body(r.keySet());
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getFheKeySet", summary = "A key set's parameter set, parts, sizes and Galois steps")
  KeySet get(@PathVariable String id, HttpServletRequest http) {
    return registry.find(Tenants.of(http), id);
  }

  @GetMapping
  @Operation(operationId = "listFheKeySets", summary = "The tenant's key sets, newest first")
  List<KeySet> list(@RequestParam(defaultValue = "100") int limit, HttpServletRequest http) {
    if (limit < 1 || limit > 1000) {
      throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and 1000, was " + limit)
          .with("field", "limit");
    }
    return registry.list(Tenants.of(http), limit);
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteFheKeySet", summary = "Forget a key set; jobs can no longer use it")
  ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest http) {
    registry.delete(Tenants.of(http), id);
    return ResponseEntity.noContent().build();
  }
}
