package org.trustml.fhe.ckks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ring automorphisms X -> X^g (g odd): g = 5^k rotates the slots left by k, g = 2N - 1 conjugates them. In NTT
 * form an automorphism only permutes the evaluations: index k holds the value at psi^(e_k) with
 * e_k = 2 bitrev(k) + 1, and the image's value there is the original's at psi^(e_k g).
 */
final class Automorphisms {

  private static final Map<Long, int[]> PERMUTATIONS = new ConcurrentHashMap<>();

  private Automorphisms() {}

  /** Galois element of a left rotation by {@code step} slots (negative steps rotate right). */
  static int rotationElement(CkksParameters params, int step) {
    int slots = params.slots();
    long k = Math.floorMod(step, slots);
    return (int) ModMath.pow(5, k, 2L * params.n());
  }

  static int conjugationElement(CkksParameters params) {
    return 2 * params.n() - 1;
  }

  static int[] nttPermutation(int logN, int galoisElement) {
    return PERMUTATIONS.computeIfAbsent(((long) logN << 32) | galoisElement, key -> build(logN, galoisElement));
  }

  private static int[] build(int logN, int g) {
    int n = 1 << logN;
    long twoN = 2L * n;
    int[] permutation = new int[n];
    for (int k = 0; k < n; k++) {
      long exponent = 2L * NttTables.bitReverse(k, logN) + 1;
      long image = (exponent * g) % twoN;
      permutation[k] = NttTables.bitReverse((int) ((image - 1) / 2), logN);
    }
    return permutation;
  }

  /** The automorphism applied to the first {@code limbs} rows of an NTT-form polynomial (not modified). */
  static RnsPoly apply(RnsPoly poly, int limbs, int[] permutation) {
    long[][] rows = new long[limbs][];
    for (int i = 0; i < limbs; i++) {
      long[] source = poly.limbs[i];
      long[] target = new long[source.length];
      for (int k = 0; k < target.length; k++) {
        target[k] = source[permutation[k]];
      }
      rows[i] = target;
    }
    return new RnsPoly(rows);
  }
}
