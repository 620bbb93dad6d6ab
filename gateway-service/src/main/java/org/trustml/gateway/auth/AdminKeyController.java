package org.trustml.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.web.ProblemException;

/** Key management for administrators. */
@RestController
@RequestMapping("/api/v1/admin/keys")
@Tag(name = "admin")
class AdminKeyController {

  /**
   * @param tenant whose resources the key acts on
   * @param ratePerMinute defaults to the gateway's default rate
   */
  record KeyRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String tenant, @NotNull Role role,
      @Min(1) @Max(1_000_000) Integer ratePerMinute, String label) {}

  /** A new key; {@code secret} is shown this once. */
  record KeyCreated(ApiKey key, String secret) {}

  private final ApiKeys keys;

  AdminKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  /** The filter checks the role too; this second check holds even if a path spelling ever got past it. */
  private static void requireAdmin(HttpServletRequest request) {
    if (Caller.of(request).role() != Role.ADMIN) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "only an ADMIN key may manage API keys");
    }
  }

  @PostMapping
  @Operation(operationId = "createKey", summary = "Issue an API key (the secret is returned once)")
  ResponseEntity<KeyCreated> create(@Valid @RequestBody KeyRequest request, HttpServletRequest http) {
    requireAdmin(http);
    ApiKeys.Issued issued = keys.issue(request.tenant(), request.role(), request.ratePerMinute(), request.label());
    return ResponseEntity.status(201).body(new KeyCreated(issued.key(), issued.secret()));
  }

  @GetMapping
  @Operation(operationId = "listKeys", summary = "List API keys (never their secrets)")
  List<ApiKey> list(HttpServletRequest http) {
    requireAdmin(http);
    return keys.list();
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "revokeKey", summary = "Revoke an API key")
  ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest http) {
    requireAdmin(http);
    if (!keys.revoke(id)) {
      throw ProblemException.notFound("active API key", id.toString());
    }
    return ResponseEntity.noContent().build();
  }
}
