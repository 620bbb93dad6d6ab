package org.trustml.fhe.ckks;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An RNS-CKKS parameter set: ring dimension N = 2^logN, data primes q_0..q_L (q_0 first; level l keeps q_0..q_l), one
 * special prime P used only for key switching, and the default scale. Construction checks the total bit size of QP
 * against the HE standard's 128-bit table and precomputes NTT tables and the constants that rescaling and key
 * switching need. Immutable and thread-safe; build once and share.
 */
public final class CkksParameters {

  /** N = 2^13, primes [60, 40, 40, 60] (2 levels): the design note's anchor, same as SEAL's usual example. */
  public static CkksParameters test() {
    return new CkksParameters(13, new int[] {60, 40, 40}, 60, 40);
  }

  /** N = 2^14, primes [60, 40 x 7, 60] = 400 bits (7 levels). */
  public static CkksParameters cryptonets() {
    int[] data = new int[8];
    Arrays.fill(data, 40);
    data[0] = 60;
    return new CkksParameters(14, data, 60, 40);
  }

  private final int logN;
  private final long[] dataPrimes;
  private final Modulus[] moduli; // data primes, then the special prime last
  private final NttTables[] ntt;
  private final double defaultScale;
  private final long id;
  private final long[][] lastPrimeInverse; // [l][i] = q_l^{-1} mod q_i, i < l
  private final long[][] lastPrimeInverseShoup;
  private final long[] specialInverse; // P^{-1} mod q_i
  private final long[] specialInverseShoup;
  private final long[] specialModQ; // P mod q_i

  /**
   * @param logN            log2 of the ring dimension, 10..15 (not modified)
   * @param dataPrimeBits   bit sizes of q_0..q_L, each in [20, 60] (not modified)
   * @param specialPrimeBits bit size of P; should be at least the largest data prime's for small key-switching noise
   * @param logScale        log2 of the default scale Delta
   */
  public CkksParameters(int logN, int[] dataPrimeBits, int specialPrimeBits, int logScale) {
    int totalBits = specialPrimeBits + Arrays.stream(dataPrimeBits).sum();
    int bound = SecurityStandard.maxLogQp128(logN);
    if (totalBits > bound) {
      throw new IllegalArgumentException("log2(QP) = " + totalBits + " exceeds the 128-bit bound " + bound
          + " for N = 2^" + logN + " (HE standard)");
    }
    if (dataPrimeBits.length == 0) {
      throw new IllegalArgumentException("at least one data prime is needed");
    }
    if (logScale < 1 || logScale >= dataPrimeBits[0]) {
      throw new IllegalArgumentException("log2 scale " + logScale + " must be below the first prime's "
          + dataPrimeBits[0] + " bits, or decrypted values overflow");
    }
    this.logN = logN;
    int[] all = Arrays.copyOf(dataPrimeBits, dataPrimeBits.length + 1);
    all[dataPrimeBits.length] = specialPrimeBits;
    long[] primes = PrimeSearch.primes(logN, all);
    this.dataPrimes = Arrays.copyOf(primes, dataPrimeBits.length);
    this.moduli = new Modulus[primes.length];
    this.ntt = new NttTables[primes.length];
    for (int i = 0; i < primes.length; i++) {
      moduli[i] = new Modulus(primes[i]);
      ntt[i] = new NttTables(logN, moduli[i]);
    }
    this.defaultScale = Math.scalb(1.0, logScale);
    this.id = fingerprint(logN, primes);
    int levels = dataPrimes.length;
    long special = primes[levels];
    lastPrimeInverse = new long[levels][];
    lastPrimeInverseShoup = new long[levels][];
    specialInverse = new long[levels];
    specialInverseShoup = new long[levels];
    specialModQ = new long[levels];
    for (int l = 0; l < levels; l++) {
      lastPrimeInverse[l] = new long[l];
      lastPrimeInverseShoup[l] = new long[l];
      for (int i = 0; i < l; i++) {
        lastPrimeInverse[l][i] = ModMath.inverse(dataPrimes[l] % dataPrimes[i], dataPrimes[i]);
        lastPrimeInverseShoup[l][i] = ModMath.shoup(lastPrimeInverse[l][i], dataPrimes[i]);
      }
      specialInverse[l] = ModMath.inverse(special % dataPrimes[l], dataPrimes[l]);
      specialInverseShoup[l] = ModMath.shoup(specialInverse[l], dataPrimes[l]);
      specialModQ[l] = special % dataPrimes[l];
    }
  }

  private static long fingerprint(int logN, long[] primes) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * primes.length).putInt(logN);
      for (long p : primes) {
        buffer.putLong(p);
      }
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(buffer.array())).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** log2 of the ring dimension. */
  public int logN() {
    return logN;
  }

  /** Ring dimension N. */
  public int n() {
    return 1 << logN;
  }

  /** Complex slots per ciphertext, N / 2. */
  public int slots() {
    return n() / 2;
  }

  /** Highest level L (a fresh ciphertext's level); level l has l + 1 data primes. */
  public int maxLevel() {
    return dataPrimes.length - 1;
  }

  /** Number of data primes plus the special prime. */
  int modulusCount() {
    return moduli.length;
  }

  /** Index of the special prime in {@link #modulus(int)} and in key polynomials. */
  int specialIndex() {
    return dataPrimes.length;
  }

  /** The i-th prime: data primes first, the special prime at {@link #specialIndex()}. */
  public Modulus modulus(int i) {
    return moduli[i];
  }

  /** NTT tables of the i-th prime (indexed like {@link #modulus(int)}). */
  public NttTables ntt(int i) {
    return ntt[i];
  }

  /** Default scale Delta. */
  public double defaultScale() {
    return defaultScale;
  }

  /** 64-bit fingerprint of (logN, all primes): identifies the parameter set in serialized headers. */
  public long id() {
    return id;
  }

  /** Total bit length of QP (data primes and the special prime). */
  public int logQp() {
    int bits = 0;
    for (Modulus m : moduli) {
      bits += m.bits();
    }
    return bits;
  }

  long lastPrimeInverse(int level, int i) {
    return lastPrimeInverse[level][i];
  }

  long lastPrimeInverseShoup(int level, int i) {
    return lastPrimeInverseShoup[level][i];
  }

  long specialInverse(int i) {
    return specialInverse[i];
  }

  long specialInverseShoup(int i) {
    return specialInverseShoup[i];
  }

  long specialModQ(int i) {
    return specialModQ[i];
  }

  /** Whether two parameter sets have the same ring and primes. */
  boolean sameAs(CkksParameters other) {
    return this == other || id == other.id;
  }

  @Override
  public String toString() {
    return String.format("CKKS N=2^%d, log QP=%d, %d levels, id=%016x", logN, logQp(), maxLevel(), id);
  }
}
