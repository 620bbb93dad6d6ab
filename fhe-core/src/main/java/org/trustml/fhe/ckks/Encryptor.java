package org.trustml.fhe.ckks;

import java.security.SecureRandom;

/**
 * Public-key encryption at the plaintext's level: (v b + e_0 + m, v a + e_1) with v ternary and e_0, e_1 centred
 * binomial. Each call takes a fresh 32-byte seed from the {@link SecureRandom} and expands it with SHAKE-256.
 */
public final class Encryptor {

  private final PublicKey publicKey;
  private final SecureRandom random;

  /** An encryptor for one public key; {@code random} should be a {@code SecureRandom.getInstance("DRBG")}. */
  public Encryptor(PublicKey publicKey, SecureRandom random) {
    this.publicKey = publicKey;
    this.random = random;
  }

  /** Encrypts {@code plaintext} (not modified), keeping its level and scale. */
  public Ciphertext encrypt(Plaintext plaintext) {
    CkksParameters params = publicKey.parameters();
    if (!plaintext.parameters().sameAs(params)) {
      throw new IllegalArgumentException("plaintext belongs to parameters " + plaintext.parameters()
          + ", public key to " + params);
    }
    byte[] seed = new byte[Shake256Stream.SEED_BYTES];
    random.nextBytes(seed);
    Shake256Stream stream = new Shake256Stream(seed, "encrypt");
    int level = plaintext.level();
    int limbs = level + 1;
    int[] indices = PolyArithmetic.dataIndices(level);
    int n = params.n();
    RnsPoly v = PolyArithmetic.fromSmall(params, Sampler.ternary(stream, n), indices);
    RnsPoly c0 = PolyArithmetic.fromSmall(params, Sampler.error(stream, n), indices);
    RnsPoly c1 = PolyArithmetic.fromSmall(params, Sampler.error(stream, n), indices);
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      PolyArithmetic.multiplyAddLimb(m, v.limbs[i], publicKey.b().limbs[i], c0.limbs[i]);
      PolyArithmetic.multiplyAddLimb(m, v.limbs[i], publicKey.a().limbs[i], c1.limbs[i]);
    }
    PolyArithmetic.add(params, c0, plaintext.poly(), limbs, c0);
    return new Ciphertext(params, new RnsPoly[] {c0, c1}, level, plaintext.scale());
  }
}
