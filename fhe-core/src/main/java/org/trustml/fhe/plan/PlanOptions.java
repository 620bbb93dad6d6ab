package org.trustml.fhe.plan;

/**
 * The compiler's scale and precision budget.
 *
 * @param inputLogScale log2 of the scale the client encrypts inputs at. Lower than the 40-bit primes on purpose: the
 *     hidden layer keeps this scale exactly and the square brings it to about 2^(2 * inputLogScale - 40), which
 *     leaves the unrescaled last layer room for finely rounded weights below q_0
 * @param valueBits     log2 of a bound on every intermediate value (inputs, pre-activations, squares, logits):
 *     value * scale must stay below Q_level / 2 at every step, or decryption wraps around
 * @param minLogScale   no step may run at a scale below 2^minLogScale: rescaling rounds with an error of about
 *     2^11-2^12 per slot at N = 2^13, which must stay far below one unit of the value
 * @param maxFactorBits the last layer's weights are rounded at 2^k with k at most this (and as large as headroom
 *     allows); at least 12 bits are required
 */
public record PlanOptions(int inputLogScale, int valueBits, int minLogScale, int maxFactorBits) {

  /** The fewest bits the last layer's weights may be rounded to. */
  public static final int MIN_FACTOR_BITS = 12;

  /** Checks the ranges. */
  public PlanOptions {
    if (inputLogScale < 10 || inputLogScale > 60 || valueBits < 0 || valueBits > 30 || minLogScale < 1
        || maxFactorBits < MIN_FACTOR_BITS || maxFactorBits > 40) {
      throw new IllegalArgumentException("invalid plan options: input scale 2^" + inputLogScale + ", value bits "
          + valueBits + ", minimum scale 2^" + minLogScale + ", factor bits " + maxFactorBits);
    }
  }

  /** Inputs at 2^35, values below 2^12, scales at least 2^20, last-layer weights at up to 2^30. */
  public static PlanOptions defaults() {
    return new PlanOptions(35, 12, 20, 30);
  }
}
