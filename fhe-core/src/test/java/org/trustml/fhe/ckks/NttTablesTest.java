package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The negacyclic NTT: a round trip is the identity, and pointwise products equal the schoolbook product. */
class NttTablesTest {

  private final SplittableRandom random = new SplittableRandom(345);

  private long[] randomPoly(int n, long q) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextLong(q);
    }
    return a;
  }

  /** c = a * b in Z_q[X]/(X^N + 1), the definition. */
  private static long[] schoolbook(long[] a, long[] b, Modulus m) {
    int n = a.length;
    long[] c = new long[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        long product = m.mul(a[i], b[j]);
        int k = i + j;
        c[k % n] = k < n ? m.add(c[k], product) : m.sub(c[k - n], product); // X^N = -1
      }
    }
    return c;
  }

  @Test
  void forwardThenInverseIsTheIdentity() {
    for (int bits : new int[] {40, 60}) {
      NttTables ntt = new NttTables(13, new Modulus(PrimeSearch.primes(13, new int[] {bits})[0]));
      long[] a = randomPoly(ntt.n(), ntt.modulus().value());
      long[] b = a.clone();
      ntt.forward(b);
      assertThat(b).isNotEqualTo(a);
      assertThat(java.util.Arrays.stream(b).allMatch(v -> v >= 0 && v < ntt.modulus().value())).isTrue();
      ntt.inverse(b);
      assertThat(b).containsExactly(a);
    }
  }

  @Test
  void lazyForwardStaysBelowFourQAndAgreesWithTheReducedTransform() {
    for (int bits : new int[] {30, 40, 60}) {
      NttTables ntt = new NttTables(12, new Modulus(PrimeSearch.primes(12, new int[] {bits})[0]));
      long q = ntt.modulus().value();
      long[] a = randomPoly(ntt.n(), q);
      long[] reduced = a.clone();
      ntt.forward(reduced);
      // inputs anywhere in [0, 4q) are accepted: add a random multiple of q below 4q
      long[] lazy = a.clone();
      for (int k = 0; k < lazy.length; k++) {
        lazy[k] += q * random.nextInt(4);
      }
      long[] viaForward = lazy.clone();
      ntt.forward(viaForward);
      ntt.forwardLazy(lazy);
      for (int k = 0; k < lazy.length; k++) {
        assertThat(lazy[k]).isBetween(0L, 4 * q - 1);
        assertThat(lazy[k] % q).isEqualTo(reduced[k]);
      }
      assertThat(viaForward).containsExactly(reduced);
    }
  }

  @Test
  void pointwiseProductIsTheNegacyclicSchoolbookProduct() {
    for (int logN : new int[] {3, 10}) {
      for (int bits : new int[] {30, 60}) {
        Modulus m = new Modulus(PrimeSearch.primes(logN, new int[] {bits})[0]);
        NttTables ntt = new NttTables(logN, m);
        long[] a = randomPoly(ntt.n(), m.value());
        long[] b = randomPoly(ntt.n(), m.value());
        long[] expected = schoolbook(a, b, m);
        long[] fa = a.clone();
        long[] fb = b.clone();
        ntt.forward(fa);
        ntt.forward(fb);
        long[] product = new long[ntt.n()];
        PolyArithmetic.multiplyLimb(m, fa, fb, product);
        ntt.inverse(product);
        assertThat(product).as("N=2^%d, %d-bit prime", logN, bits).containsExactly(expected);
      }
    }
  }

  @Test
  void outputIndexKHoldsTheEvaluationAtPsiToTheBitReversedOddPower() {
    int logN = 4;
    Modulus m = new Modulus(PrimeSearch.primes(logN, new int[] {30})[0]);
    NttTables ntt = new NttTables(logN, m);
    long[] a = randomPoly(ntt.n(), m.value());
    long[] evaluations = a.clone();
    ntt.forward(evaluations);
    for (int k = 0; k < ntt.n(); k++) {
      long point = ModMath.pow(ntt.psi(), 2L * NttTables.bitReverse(k, logN) + 1, m.value());
      long value = 0;
      for (int i = ntt.n() - 1; i >= 0; i--) {
        value = m.add(m.mul(value, point), a[i]);
      }
      assertThat(evaluations[k]).isEqualTo(value);
    }
  }
}
