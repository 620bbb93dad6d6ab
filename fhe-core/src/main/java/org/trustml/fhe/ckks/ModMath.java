package org.trustml.fhe.ckks;

import java.math.BigInteger;

/** Word-size modular arithmetic helpers for moduli below 2^61 (so that lazy values in [0, 4q) fit a signed long). */
final class ModMath {

  private ModMath() {}

  /** High 64 bits of the unsigned product of a non-negative {@code a} and an arbitrary 64-bit {@code b}. */
  static long mulHighUnsigned(long a, long b) {
    // Java 17 has no Math.unsignedMultiplyHigh; a >= 0, so only b's sign bit needs correcting
    return Math.multiplyHigh(a, b) + ((b >> 63) & a);
  }

  /** Shoup's precomputed companion of a fixed multiplicand: floor(w * 2^64 / q) as an unsigned long. */
  static long shoup(long w, long q) {
    return BigInteger.valueOf(w).shiftLeft(64).divide(BigInteger.valueOf(q)).longValue();
  }

  /** a * w mod q in [0, 2q) for any a in [0, 2^63) and w in [0, q), using w' = shoup(w, q). */
  static long mulShoupLazy(long a, long w, long wShoup, long q) {
    long quotient = mulHighUnsigned(a, wShoup);
    return a * w - quotient * q;
  }

  /** a * w mod q in [0, q). */
  static long mulShoup(long a, long w, long wShoup, long q) {
    return reduceOnce(mulShoupLazy(a, w, wShoup, q), q);
  }

  /**
   * x - bound if x >= bound, else x, for x in [0, 2 bound), without a branch: lazy values are uniformly spread, so
   * a branch here would be mispredicted half the time.
   */
  static long reduceOnce(long x, long bound) {
    long d = x - bound;
    return d + ((d >> 63) & bound);
  }

  static long pow(long base, long exponent, long q) {
    return BigInteger.valueOf(base).modPow(BigInteger.valueOf(exponent), BigInteger.valueOf(q)).longValue();
  }

  static long inverse(long a, long q) {
    return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(q)).longValue();
  }

  /** Deterministic Miller-Rabin for 64-bit inputs (these bases are exact below 3.3 * 10^24). */
  static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    for (long p : new long[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
      if (n % p == 0) {
        return n == p;
      }
    }
    BigInteger big = BigInteger.valueOf(n);
    BigInteger minusOne = big.subtract(BigInteger.ONE);
    int s = minusOne.getLowestSetBit();
    BigInteger d = minusOne.shiftRight(s);
    for (long a : new long[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
      BigInteger x = BigInteger.valueOf(a).modPow(d, big);
      if (x.equals(BigInteger.ONE) || x.equals(minusOne)) {
        continue;
      }
      boolean witness = true;
      for (int r = 1; r < s && witness; r++) {
        x = x.multiply(x).mod(big);
        witness = !x.equals(minusOne);
      }
      if (witness) {
        return false;
      }
    }
    return true;
  }
}
