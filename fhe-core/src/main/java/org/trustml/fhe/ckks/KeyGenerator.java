package org.trustml.fhe.ckks;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client-side key generation from one 32-byte master seed. Every key draws from its own SHAKE-256 stream labelled
 * with the key's kind (and Galois element), so the same seed gives the same keys whatever the order of the calls.
 * Secret: uniform ternary. Errors: centred binomial, sigma = 3.24.
 */
public final class KeyGenerator {

  private final CkksParameters params;
  private final byte[] masterSeed;
  private final SecretKey secretKey;

  /** Keys from a fresh seed drawn from {@code random} (use a {@code SecureRandom.getInstance("DRBG")}). */
  public KeyGenerator(CkksParameters params, SecureRandom random) {
    this(params, randomSeed(random));
  }

  /** Reproducible keys: the same parameters and seed (32 bytes, not modified) give the same keys. */
  public KeyGenerator(CkksParameters params, byte[] masterSeed) {
    if (masterSeed.length != Shake256Stream.SEED_BYTES) {
      throw new IllegalArgumentException("master seed must be 32 bytes, got " + masterSeed.length);
    }
    this.params = params;
    this.masterSeed = masterSeed.clone();
    this.secretKey = new SecretKey(params, Sampler.ternary(stream("secret", 0), params.n()));
  }

  private static byte[] randomSeed(SecureRandom random) {
    byte[] seed = new byte[Shake256Stream.SEED_BYTES];
    random.nextBytes(seed);
    return seed;
  }

  private Shake256Stream stream(String domain, long context) {
    return new Shake256Stream(masterSeed, domain, context);
  }

  private byte[] derivedSeed(String domain, long context) {
    byte[] seed = new byte[Shake256Stream.SEED_BYTES];
    stream(domain, context).nextBytes(seed);
    return seed;
  }

  /** The secret key. */
  public SecretKey secretKey() {
    return secretKey;
  }

  /** The public key (b, a) = (-a s + e, a) over the data primes. */
  public PublicKey publicKey() {
    int[] data = PolyArithmetic.dataIndices(params.maxLevel());
    byte[] seed = derivedSeed("public-seed", 0);
    RnsPoly a = Sampler.uniformPoly(params, seed, PublicKey.DOMAIN, 0, data);
    RnsPoly e = PolyArithmetic.fromSmall(params, Sampler.error(stream("public-error", 0), params.n()), data);
    RnsPoly b = RnsPoly.zero(data.length, params.n());
    PolyArithmetic.multiply(params, a, secretKey.poly(), data.length, b);
    PolyArithmetic.sub(params, e, b, data.length, b);
    return new PublicKey(params, seed, b);
  }

  /** The relinearisation key: switches s^2 to s. */
  public KeySwitchKey relinearizationKey() {
    RnsPoly s = secretKey.poly();
    RnsPoly square = RnsPoly.zero(params.maxLevel() + 1, params.n());
    PolyArithmetic.multiply(params, s, s, params.maxLevel() + 1, square);
    return keySwitchKey(square, 0);
  }

  /** Rotation keys for the given steps (negative: right), plus the conjugation key if asked. */
  public GaloisKeys galoisKeys(int[] steps, boolean conjugation) {
    Map<Integer, KeySwitchKey> keys = new LinkedHashMap<>();
    for (int step : steps) {
      keys.computeIfAbsent(Automorphisms.rotationElement(params, step), this::galoisKey);
    }
    if (conjugation) {
      keys.computeIfAbsent(Automorphisms.conjugationElement(params), this::galoisKey);
    }
    return new GaloisKeys(params, keys);
  }

  private KeySwitchKey galoisKey(int galoisElement) {
    int[] permutation = Automorphisms.nttPermutation(params.logN(), galoisElement);
    return keySwitchKey(Automorphisms.apply(secretKey.poly(), params.maxLevel() + 1, permutation), galoisElement);
  }

  /** A key switching from {@code target} (NTT rows over the data primes) to s. */
  private KeySwitchKey keySwitchKey(RnsPoly target, int galoisElement) {
    int[] all = PolyArithmetic.keyIndices(params);
    int digits = params.maxLevel() + 1;
    byte[] seed = derivedSeed("key-switch-seed", galoisElement);
    Shake256Stream errors = stream("key-switch-error", galoisElement);
    RnsPoly[] b = new RnsPoly[digits];
    for (int j = 0; j < digits; j++) {
      RnsPoly a = KeySwitchKey.uniform(params, seed, j);
      RnsPoly bj = PolyArithmetic.fromSmall(params, Sampler.error(errors, params.n()), all);
      for (int i = 0; i < all.length; i++) {
        Modulus m = params.modulus(i);
        long[] row = bj.limbs[i];
        long[] as = new long[params.n()];
        PolyArithmetic.multiplyLimb(m, a.limbs[i], secretKey.poly().limbs[i], as);
        for (int k = 0; k < row.length; k++) {
          row[k] = m.sub(row[k], as[k]);
        }
      }
      // the gadget: P * s' in the j-th residue only (P = 0 modulo the special prime anyway)
      Modulus qj = params.modulus(j);
      long pModQ = params.specialModQ(j);
      long[] row = bj.limbs[j];
      long[] source = target.limbs[j];
      for (int k = 0; k < row.length; k++) {
        row[k] = qj.add(row[k], qj.mul(pModQ, source[k]));
      }
      b[j] = bj;
    }
    return new KeySwitchKey(params, galoisElement, seed, b);
  }
}
