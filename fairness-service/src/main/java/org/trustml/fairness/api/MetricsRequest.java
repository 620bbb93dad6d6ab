package org.trustml.fairness.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * A classifier's predictions and the protected attributes of the same rows.
 *
 * @param yTrue the true labels, 0 or 1
 * @param yPred the predicted labels, 0 or 1
 * @param scores optional scores of the positive class
 * @param protectedAttributes attribute name → one value per row (binary or multi-valued)
 * @param nonProtected attribute → its non-protected value, for MMM's binary convention; optional
 * @param minSupport smallest group that gets rates and gaps (30 when absent)
 * @param bootstrap resamples for the confidence intervals (200 when absent; 0 turns them off)
 * @param confidenceLevel of the intervals (0.95 when absent)
 * @param seed of the bootstrap (42 when absent)
 */
public record MetricsRequest(
    @NotNull int[] yTrue,
    @NotNull int[] yPred,
    double[] scores,
    @NotEmpty Map<String, List<String>> protectedAttributes,
    Map<String, String> nonProtected,
    Integer minSupport,
    Integer bootstrap,
    Double confidenceLevel,
    Long seed) {}
