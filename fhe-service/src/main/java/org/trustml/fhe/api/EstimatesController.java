package org.trustml.fhe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.web.Tenants;
import org.trustml.fhe.estimate.Estimate;
import org.trustml.fhe.estimate.EstimateRequest;
import org.trustml.fhe.estimate.Estimator;

/** Synchronous sizing of an encrypted network: parameters, depth, key and ciphertext sizes, operations, time. */
@RestController
@RequestMapping("/api/v1/fhe/estimates")
@Tag(name = "fhe")
class EstimatesController {

  private final Estimator estimator;

  EstimatesController(Estimator estimator) {
    this.estimator = estimator;
  }

  @PostMapping
  @Operation(operationId = "estimateFhe", summary = "Parameter set, depth, levels, key and ciphertext sizes, "
      + "operation counts and modelled time of a model or an architecture, before any key exists")
  Estimate estimate(@Valid @RequestBody EstimateRequest request, HttpServletRequest http) {
    return estimator.estimate(Tenants.of(http), request);
  }
}
