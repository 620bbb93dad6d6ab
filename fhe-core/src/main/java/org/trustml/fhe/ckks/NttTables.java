package org.trustml.fhe.ckks;

/**
 * Negacyclic number-theoretic transform modulo one prime q = 1 (mod 2N): evaluates a polynomial of Z_q[X]/(X^N + 1)
 * at the odd powers of a primitive 2N-th root psi. The twist by psi is merged into bit-reversed twiddle tables
 * (Longa-Naehrig 2016); butterflies are Harvey's lazy ones (values in [0, 4q)) with Shoup multiplications.
 * Output index k holds the evaluation at psi^(2 * bitrev(k) + 1).
 */
public final class NttTables {

  private final int n;
  private final int logN;
  private final Modulus modulus;
  private final long psi;
  private final long[] roots;
  private final long[] rootsShoup;
  private final long[] inverseRoots;
  private final long[] inverseRootsShoup;
  private final long nInverse;
  private final long nInverseShoup;
  private final long lastRootTimesNInverse; // the inverse transform's last twiddle with 1/N folded in
  private final long lastRootTimesNInverseShoup;

  NttTables(int logN, Modulus modulus) {
    if (logN < 2) {
      throw new IllegalArgumentException("the transform needs N >= 4, got 2^" + logN); // first and last stage differ
    }
    this.n = 1 << logN;
    this.logN = logN;
    this.modulus = modulus;
    long q = modulus.value();
    if ((q - 1) % (2L * n) != 0) {
      throw new IllegalArgumentException("prime " + q + " is not 1 mod 2N = " + 2L * n);
    }
    this.psi = primitiveRoot(q, 2L * n);
    long psiInverse = ModMath.inverse(psi, q);
    roots = new long[n];
    rootsShoup = new long[n];
    inverseRoots = new long[n];
    inverseRootsShoup = new long[n];
    for (int i = 0; i < n; i++) {
      int r = bitReverse(i, logN);
      roots[i] = ModMath.pow(psi, r, q);
      rootsShoup[i] = ModMath.shoup(roots[i], q);
      inverseRoots[i] = ModMath.pow(psiInverse, r, q);
      inverseRootsShoup[i] = ModMath.shoup(inverseRoots[i], q);
    }
    nInverse = ModMath.inverse(n, q);
    nInverseShoup = ModMath.shoup(nInverse, q);
    lastRootTimesNInverse = modulus.mul(inverseRoots[1], nInverse);
    lastRootTimesNInverseShoup = ModMath.shoup(lastRootTimesNInverse, q);
  }

  /** The smallest-base deterministic choice of a primitive {@code order}-th root of unity (order a power of 2). */
  private static long primitiveRoot(long q, long order) {
    for (long g = 2; g < q; g++) {
      long candidate = ModMath.pow(g, (q - 1) / order, q);
      // for a power-of-two order, candidate^(order/2) = -1 means the order is exactly `order`
      if (ModMath.pow(candidate, order / 2, q) == q - 1) {
        return candidate;
      }
    }
    throw new IllegalStateException("no primitive root of order " + order + " mod " + q);
  }

  static int bitReverse(int value, int bits) {
    return Integer.reverse(value) >>> (32 - bits);
  }

  /** Ring dimension N. */
  public int n() {
    return n;
  }

  int logN() {
    return logN;
  }

  /** The prime these tables belong to. */
  public Modulus modulus() {
    return modulus;
  }

  long psi() {
    return psi;
  }

  /** In place: coefficients in [0, 4q) (modified) become evaluations in [0, q). */
  public void forward(long[] a) {
    forwardLazy(a);
    long q = modulus.value();
    long twoQ = 2 * q;
    for (int j = 0; j < n; j++) {
      a[j] = ModMath.reduceOnce(ModMath.reduceOnce(a[j], twoQ), q);
    }
  }

  /**
   * In place: coefficients in [0, 4q) (modified) become evaluations in [0, 4q), congruent to {@link #forward}'s.
   * For callers that feed the result to a Shoup multiplication (which takes any input below 2^63) and so do not
   * need the final correction pass.
   */
  public void forwardLazy(long[] a) {
    long q = modulus.value();
    long twoQ = 2 * q;
    int m = 1;
    for (int t = n >> 1; t > 1; m <<= 1, t >>= 1) {
      for (int i = 0; i < m; i++) {
        long w = roots[m + i];
        long wShoup = rootsShoup[m + i];
        int start = 2 * i * t;
        int end = start + t;
        for (int j = start; j < end; j++) {
          long x = ModMath.reduceOnce(a[j], twoQ);
          long y = ModMath.mulShoupLazy(a[j + t], w, wShoup, q);
          a[j] = x + y;
          a[j + t] = x - y + twoQ;
        }
      }
    }
    // the last stage (t = 1) on its own: the generic loop's per-block overhead dominates there
    for (int i = 0; i < m; i++) {
      int j = 2 * i;
      long x = ModMath.reduceOnce(a[j], twoQ);
      long y = ModMath.mulShoupLazy(a[j + 1], roots[m + i], rootsShoup[m + i], q);
      a[j] = x + y;
      a[j + 1] = x - y + twoQ;
    }
  }

  /** In place: evaluations in [0, 2q) (modified) become coefficients in [0, q). */
  public void inverse(long[] a) {
    long q = modulus.value();
    long twoQ = 2 * q;
    // the first stage (t = 1) on its own, as in forwardLazy
    int h = n >> 1;
    for (int i = 0; i < h; i++) {
      int j = 2 * i;
      long x = a[j];
      long y = a[j + 1];
      a[j] = ModMath.reduceOnce(x + y, twoQ);
      a[j + 1] = ModMath.mulShoupLazy(x - y + twoQ, inverseRoots[h + i], inverseRootsShoup[h + i], q);
    }
    for (int m = n >> 1, t = 2; m > 2; m >>= 1, t <<= 1) {
      h = m >> 1;
      for (int i = 0, start = 0; i < h; i++, start += 2 * t) {
        long w = inverseRoots[h + i];
        long wShoup = inverseRootsShoup[h + i];
        int end = start + t;
        for (int j = start; j < end; j++) {
          long x = a[j];
          long y = a[j + t];
          a[j] = ModMath.reduceOnce(x + y, twoQ);
          a[j + t] = ModMath.mulShoupLazy(x - y + twoQ, w, wShoup, q);
        }
      }
    }
    // the last stage (one block of t = N/2) with the 1/N scaling folded into its products
    int t = n >> 1;
    for (int j = 0; j < t; j++) {
      long x = a[j];
      long y = a[j + t];
      a[j] = ModMath.mulShoup(x + y, nInverse, nInverseShoup, q);
      a[j + t] = ModMath.mulShoup(x - y + twoQ, lastRootTimesNInverse, lastRootTimesNInverseShoup, q);
    }
  }
}
