package org.trustml.fairness.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.fairness.metrics.FairnessReport;
import org.trustml.fairness.metrics.MetricsOptions;
import org.trustml.fairness.metrics.Predictions;
import org.trustml.core.web.ProblemException;

/**
 * Fairness metrics of uploaded predictions, answered at once. Only for requests that finish well under a second:
 * larger ones are the {@code fairness.evaluate} job's.
 */
@RestController
@RequestMapping("/api/v1/fairness")
@Tag(name = "fairness")
class MetricsController {

  /** Rows times bootstrap resamples a synchronous request may ask for (about a quarter of a second here). */
  static final long SYNC_BUDGET = 20_000_000L;
  static final int DEFAULT_SYNC_RESAMPLES = 200;

  @PostMapping("/metrics")
  @Operation(operationId = "computeMetrics", summary = "Group fairness metrics of predictions, per attribute, "
      + "additive, intersectional and MMM, with minimum support and bootstrap intervals")
  FairnessReport metrics(@Valid @RequestBody MetricsRequest request) {
    int rows = request.yTrue().length;
    int resamples = request.bootstrap() == null ? DEFAULT_SYNC_RESAMPLES : request.bootstrap();
    if ((long) rows * Math.max(1, resamples) > SYNC_BUDGET) {
      throw ProblemException.badRequest("too-large-for-sync", rows + " rows with " + resamples
          + " bootstrap resamples would not answer in well under a second; submit a fairness.evaluate job")
          .with("field", "bootstrap");
    }
    MetricsOptions options = MetricsOptions.defaults().withBootstrap(resamples,
        request.confidenceLevel() == null ? MetricsOptions.DEFAULT_LEVEL : request.confidenceLevel(),
        request.seed() == null ? MetricsOptions.DEFAULT_SEED : request.seed());
    if (request.minSupport() != null) {
      options = options.withMinSupport(request.minSupport());
    }
    if (request.nonProtected() != null) {
      options = options.withNonProtected(request.nonProtected());
    }
    Predictions predictions = Predictions.of("yTrue", request.yTrue(), "yPred", request.yPred(), "scores",
        request.scores());
    return new org.trustml.fairness.metrics.FairnessMetrics(options)
        .evaluate(predictions, ProtectedColumns.of(request.protectedAttributes()));
  }
}
