package org.trustml.fhe.ckks;

import java.math.BigInteger;

/**
 * One RNS prime q (at most 60 bits) with its Barrett constant: products of two residues are reduced without
 * division, from the 128-bit product obtained with {@link Math#multiplyHigh}.
 */
public final class Modulus {

  private final long value;
  private final int bits;
  private final long barrett; // floor(2^(2k) / q), k = bits; below 2^(k+1)
  // 2^64 = wordQuotient * q + wordRemainder; wordRemainderShoup = shoup(wordRemainder): for fast shoup(w) below
  private final long wordQuotient;
  private final long wordRemainder;
  private final long wordRemainderShoup;

  Modulus(long value) {
    if (value < 3 || value >= (1L << 60) + 1 || (value & 1) == 0) {
      throw new IllegalArgumentException("modulus must be an odd value below 2^60, got " + value);
    }
    this.value = value;
    this.bits = 64 - Long.numberOfLeadingZeros(value);
    this.barrett = BigInteger.ONE.shiftLeft(2 * bits).divide(BigInteger.valueOf(value)).longValue();
    BigInteger[] word = BigInteger.ONE.shiftLeft(64).divideAndRemainder(BigInteger.valueOf(value));
    this.wordQuotient = word[0].longValue();
    this.wordRemainder = word[1].longValue();
    this.wordRemainderShoup = ModMath.shoup(wordRemainder, value);
  }

  /** The prime q. */
  public long value() {
    return value;
  }

  /** Bit length of q. */
  public int bits() {
    return bits;
  }

  /** a * b mod q for a, b in [0, q). */
  long mul(long a, long b) {
    return reduce128(Math.multiplyHigh(a, b), a * b);
  }

  /** x mod q for any 0 <= x < 2^min(2k, 63). */
  long reduce(long x) {
    if (2 * bits < 63) {
      return x % value; // Barrett's precondition x < 2^(2k) may not hold for small primes
    }
    return reduce128(0, x);
  }

  /** Signed x (any long) mod q in [0, q). */
  long reduceSigned(long x) {
    long r = x % value;
    return r < 0 ? r + value : r;
  }

  private long reduce128(long hi, long lo) {
    int k = bits;
    long x1 = (hi << (65 - k)) | (lo >>> (k - 1)); // x >> (k - 1), below 2^(k+1)
    long q2hi = Math.multiplyHigh(x1, barrett);
    long q2lo = x1 * barrett;
    long q3 = (q2hi << (63 - k)) | (q2lo >>> (k + 1)); // (x1 * mu) >> (k + 1)
    long r = lo - q3 * value; // the true remainder estimate is below 3q, so the low word is exact
    if (r >= value) {
      r -= value;
    }
    return r >= value ? r - value : r;
  }

  /**
   * Shoup's companion floor(w * 2^64 / q) of w in [0, q), equal to {@link ModMath#shoup} but without big integers
   * (keys need one per residue): w * 2^64 / q = w * floor(2^64 / q) + w * (2^64 mod q) / q, and the last quotient is
   * a Shoup product's estimate, corrected once. The result is exact below 2^64, so wrapping arithmetic is enough.
   */
  long shoup(long w) {
    long estimate = ModMath.mulHighUnsigned(w, wordRemainderShoup);
    long remainder = w * wordRemainder - estimate * value; // below 2q
    if (remainder >= value) {
      estimate++;
    }
    return w * wordQuotient + estimate;
  }

  /** Shoup companions of a whole row of residues in [0, q) (not modified). */
  long[] shoupRow(long[] row) {
    long[] out = new long[row.length];
    for (int k = 0; k < row.length; k++) {
      out[k] = shoup(row[k]);
    }
    return out;
  }

  long add(long a, long b) {
    long s = a + b;
    return s >= value ? s - value : s;
  }

  long sub(long a, long b) {
    long d = a - b;
    return d < 0 ? d + value : d;
  }

  @Override
  public String toString() {
    return value + " (" + bits + " bits)";
  }
}
