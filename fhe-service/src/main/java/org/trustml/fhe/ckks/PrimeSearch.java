package org.trustml.fhe.ckks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deterministic search for NTT-friendly primes q = 1 (mod 2N): downward from 2^bits in steps of 2N, skipping primes
 * already taken, so the same bit sizes always give the same chain (as SEAL's CoeffModulus::Create does).
 */
final class PrimeSearch {

  private PrimeSearch() {}

  /** One distinct prime per entry of {@code bitSizes}, each below 2^bits and at least 2^(bits-1). */
  static long[] primes(int logN, int[] bitSizes) {
    long step = 2L << logN;
    Set<Long> taken = new HashSet<>();
    List<Long> chosen = new ArrayList<>();
    for (int bits : bitSizes) {
      if (bits < 20 || bits > 60) {
        throw new IllegalArgumentException("prime bit sizes must lie in [20, 60], got " + bits);
      }
      long lower = 1L << (bits - 1);
      long candidate = (1L << bits) - step + 1; // the largest value = 1 mod 2N below 2^bits
      while (candidate > lower && (taken.contains(candidate) || !ModMath.isPrime(candidate))) {
        candidate -= step;
      }
      if (candidate <= lower) {
        throw new IllegalArgumentException("no " + bits + "-bit prime = 1 mod " + step + " left");
      }
      taken.add(candidate);
      chosen.add(candidate);
    }
    return chosen.stream().mapToLong(Long::longValue).toArray();
  }
}
