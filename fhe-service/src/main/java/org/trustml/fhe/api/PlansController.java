package org.trustml.fhe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.web.Tenants;
import org.trustml.fhe.job.PlanDocument;
import org.trustml.fhe.job.StoredPlans;

/** A compiled plan (the {@code plan.json} of an {@code fhe.compile} job), by the job's id. */
@RestController
@RequestMapping("/api/v1/fhe/plans")
@Tag(name = "fhe")
class PlansController {

  private final StoredPlans plans;

  PlansController(StoredPlans plans) {
    this.plans = plans;
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getFhePlan", summary = "Levels, scales, operation counts and sizes of a compiled plan")
  PlanDocument get(@PathVariable String id, HttpServletRequest http) {
    return plans.load(Tenants.of(http), id, "id").document();
  }
}
