package org.trustml.bench.fhe;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One benchmarked parameter set: ring dimension, prime bit sizes (data primes, then the special prime), scale. */
record Profile(int logN, int[] primeBits, int logScale, int reps) {

  int[] dataPrimeBits() {
    return Arrays.copyOf(primeBits, primeBits.length - 1);
  }

  int specialPrimeBits() {
    return primeBits[primeBits.length - 1];
  }

  String bitsCsv() {
    return Arrays.stream(primeBits).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  String label() {
    return "N = 2^" + logN + ", [" + Arrays.stream(primeBits).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ")) + "]";
  }
}
