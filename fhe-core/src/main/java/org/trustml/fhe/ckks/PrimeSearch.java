package org.trustml.fhe.ckks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Deterministic search for NTT-friendly primes q = 1 (mod 2N), as SEAL's CoeffModulus::Create does it: for each bit
 * size, as many primes as requested are found downward from 2^bits in steps of 2N; the requests of that size then
 * take them from the smallest up. Same bit sizes, same chain as SEAL (the benchmark checks this).
 */
final class PrimeSearch {

  private PrimeSearch() {}

  /** One distinct prime per entry of {@code bitSizes}, each in [2^(bits-1), 2^bits). */
  static long[] primes(int logN, int[] bitSizes) {
    long step = 2L << logN;
    Map<Integer, Integer> counts = new HashMap<>();
    for (int bits : bitSizes) {
      if (bits < 20 || bits > 60) {
        throw new IllegalArgumentException("prime bit sizes must lie in [20, 60], got " + bits);
      }
      counts.merge(bits, 1, Integer::sum);
    }
    Map<Integer, Deque<Long>> found = new HashMap<>();
    counts.forEach((bits, count) -> found.put(bits, descending(bits, count, step)));
    long[] chosen = new long[bitSizes.length];
    for (int i = 0; i < bitSizes.length; i++) {
      chosen[i] = found.get(bitSizes[i]).pollLast();
    }
    return chosen;
  }

  private static Deque<Long> descending(int bits, int count, long step) {
    Deque<Long> primes = new ArrayDeque<>();
    long lower = 1L << (bits - 1);
    long candidate = (1L << bits) - step + 1; // the largest value = 1 mod 2N below 2^bits
    while (primes.size() < count) {
      if (candidate <= lower) {
        throw new IllegalArgumentException("only " + primes.size() + " " + bits + "-bit primes = 1 mod " + step
            + " exist, " + count + " requested");
      }
      if (ModMath.isPrime(candidate)) {
        primes.addLast(candidate);
      }
      candidate -= step;
    }
    return primes;
  }
}
