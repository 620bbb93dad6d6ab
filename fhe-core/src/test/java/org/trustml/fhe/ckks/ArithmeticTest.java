package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Barrett and Shoup reductions against BigInteger; prime search. */
class ArithmeticTest {

  private final SplittableRandom random = new SplittableRandom(345);

  @Test
  void barrettMultiplicationMatchesBigIntegerForEveryPrimeSize() {
    for (int bits : new int[] {20, 31, 36, 40, 50, 59, 60}) {
      Modulus m = new Modulus(PrimeSearch.primes(12, new int[] {bits})[0]);
      BigInteger q = BigInteger.valueOf(m.value());
      for (int t = 0; t < 20_000; t++) {
        long a = random.nextLong(m.value());
        long b = t == 0 ? m.value() - 1 : random.nextLong(m.value());
        long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(q).longValue();
        assertThat(m.mul(a, b)).as("%d * %d mod %d", a, b, m.value()).isEqualTo(expected);
        long x = random.nextLong(1L << 62);
        assertThat(m.reduce(x)).isEqualTo(Math.floorMod(x, m.value()));
      }
    }
  }

  @Test
  void shoupMultiplicationMatchesBigInteger() {
    long q = PrimeSearch.primes(13, new int[] {60})[0];
    for (int t = 0; t < 20_000; t++) {
      long w = random.nextLong(q);
      long a = random.nextLong(4 * q);
      long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(w)).mod(BigInteger.valueOf(q)).longValue();
      long lazy = ModMath.mulShoupLazy(a, w, ModMath.shoup(w, q), q);
      assertThat(lazy).isBetween(0L, 2 * q - 1);
      assertThat(lazy % q).isEqualTo(expected);
    }
  }

  @Test
  void fastShoupCompanionsMatchBigIntegerForEveryPrimeSize() {
    for (int bits : new int[] {20, 31, 36, 40, 50, 59, 60}) {
      Modulus m = new Modulus(PrimeSearch.primes(12, new int[] {bits})[0]);
      long q = m.value();
      for (int t = 0; t < 20_000; t++) {
        long w = t < 3 ? new long[] {0, 1, q - 1}[t] : random.nextLong(q);
        assertThat(m.shoup(w)).as("shoup(%d) mod %d", w, q).isEqualTo(ModMath.shoup(w, q));
      }
    }
  }

  @Test
  void reduceOnceSubtractsTheBoundOnlyFromValuesAtOrAboveIt() {
    long bound = PrimeSearch.primes(13, new int[] {60})[0];
    for (long x : new long[] {0, 1, bound - 1, bound, bound + 1, 2 * bound - 1}) {
      assertThat(ModMath.reduceOnce(x, bound)).as("%d", x).isEqualTo(x % bound);
    }
  }

  @Test
  void primesAreDistinctNttFriendlyAndDeterministic() {
    int[] bits = {60, 40, 40, 40, 60};
    long[] primes = PrimeSearch.primes(14, bits);
    assertThat(PrimeSearch.primes(14, bits)).containsExactly(primes);
    assertThat(primes).doesNotHaveDuplicates();
    for (int i = 0; i < primes.length; i++) {
      assertThat(BigInteger.valueOf(primes[i]).isProbablePrime(64)).isTrue();
      assertThat(primes[i] % (2L << 14)).isEqualTo(1);
      assertThat(64 - Long.numberOfLeadingZeros(primes[i])).isEqualTo(bits[i]);
    }
  }

  @Test
  void theAnchorChainIsSealsChain() {
    // SEAL 4.1 CoeffModulus::Create(8192, {60, 40, 40, 60}), printed by benchmarks/fhe/seal-bench.js
    assertThat(PrimeSearch.primes(13, new int[] {60, 40, 40, 60})).containsExactly(1152921504606748673L,
        1099510890497L, 1099511480321L, 1152921504606830593L);
  }

  @Test
  void millerRabinAgreesWithBigInteger() {
    for (int t = 0; t < 2_000; t++) {
      long n = random.nextLong(1L << 61) | 1;
      assertThat(ModMath.isPrime(n)).as("%d", n).isEqualTo(BigInteger.valueOf(n).isProbablePrime(80));
    }
  }
}
