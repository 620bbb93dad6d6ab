package org.trustml.fhe.ckks;

import java.security.SecureRandom;

/**
 * Secret-key encryption on the client: (-a s + e + m, a) with a uniform and expanded from a fresh public 32-byte seed,
 * so the serialized ciphertext carries the seed instead of a and is about half the size of a public-key encryption
 * (the upload the design note asks for). The error e comes from a second, independent secret seed: anything derived
 * from the public seed is known to the server.
 */
public final class SymmetricEncryptor {

  static final String DOMAIN = "symmetric-a";

  private final SecretKey secretKey;
  private final SecureRandom random;

  /** An encryptor for one secret key; {@code random} should be a {@code SecureRandom.getInstance("DRBG")}. */
  public SymmetricEncryptor(SecretKey secretKey, SecureRandom random) {
    this.secretKey = secretKey;
    this.random = random;
  }

  /** Encrypts {@code plaintext} (not modified), keeping its level and scale; the result remembers its seed. */
  public Ciphertext encrypt(Plaintext plaintext) {
    CkksParameters params = secretKey.parameters();
    if (!plaintext.parameters().sameAs(params)) {
      throw new IllegalArgumentException("plaintext belongs to parameters " + plaintext.parameters()
          + ", secret key to " + params);
    }
    byte[] seed = freshSeed();
    Shake256Stream errors = new Shake256Stream(freshSeed(), "symmetric-error");
    int level = plaintext.level();
    int limbs = level + 1;
    RnsPoly a = uniform(params, seed, level);
    RnsPoly c0 = PolyArithmetic.fromSmall(params, Sampler.error(errors, params.n()), PolyArithmetic.dataIndices(level));
    RnsPoly as = RnsPoly.zero(limbs, params.n());
    PolyArithmetic.multiply(params, a, secretKey.poly(), limbs, as);
    PolyArithmetic.sub(params, c0, as, limbs, c0);
    PolyArithmetic.add(params, c0, plaintext.poly(), limbs, c0);
    return new Ciphertext(params, new RnsPoly[] {c0, a}, level, plaintext.scale(), seed);
  }

  /** The uniform part of a seeded ciphertext at {@code level}: rows 0..level, already in NTT form. */
  static RnsPoly uniform(CkksParameters params, byte[] seed, int level) {
    return Sampler.uniformPoly(params, seed, DOMAIN, 0, PolyArithmetic.dataIndices(level));
  }

  private byte[] freshSeed() {
    byte[] seed = new byte[Shake256Stream.SEED_BYTES];
    random.nextBytes(seed);
    return seed;
  }
}
