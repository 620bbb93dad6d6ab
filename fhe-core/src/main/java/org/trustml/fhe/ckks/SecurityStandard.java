package org.trustml.fhe.ckks;

/**
 * Largest total modulus log2(QP) per ring dimension for 128-bit classical security with a ternary secret and error
 * sigma = 3.2, from the Homomorphic Encryption Standard (Albrecht et al. 2018, table as used by SEAL).
 */
public final class SecurityStandard {

  private static final int MIN_LOG_N = 10;
  private static final int[] MAX_LOG_QP_128 = {27, 54, 109, 218, 438, 881};

  private SecurityStandard() {}

  /** The 128-bit bound on log2(QP) for N = 2^logN. */
  public static int maxLogQp128(int logN) {
    int i = logN - MIN_LOG_N;
    if (i < 0 || i >= MAX_LOG_QP_128.length) {
      throw new IllegalArgumentException("ring dimension 2^" + logN + " is outside the standard's table (2^10..2^15)");
    }
    return MAX_LOG_QP_128[i];
  }
}
