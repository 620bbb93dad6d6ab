package org.trustml.fhe.estimate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What to estimate: a catalog model or an architecture (exactly one), a packing and a parameter set (default
 * {@code auto}: the smallest that fits), and the compiler's options (defaults as {@code fhe.compile}).
 *
 * @param images images per batch the client will send (default: a full batch); the per-image time divides by it
 */
public record EstimateRequest(String model, @Valid Architecture architecture, String packing, String parameterSet,
    @Min(10) @Max(60) Integer inputLogScale, @Min(0) @Max(30) Integer valueBits, @Min(1) @Max(60) Integer minLogScale,
    @Min(12) @Max(40) Integer maxFactorBits, @Min(1) Integer images) {}
