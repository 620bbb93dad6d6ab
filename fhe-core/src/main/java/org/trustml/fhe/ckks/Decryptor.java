package org.trustml.fhe.ckks;

/** Decryption c_0 + c_1 s [+ c_2 s^2] with the secret key: client side only. */
public final class Decryptor {

  private final SecretKey secretKey;

  /** A decryptor for one secret key. */
  public Decryptor(SecretKey secretKey) {
    this.secretKey = secretKey;
  }

  /** The plaintext under {@code ciphertext} (not modified), at its level and scale. */
  public Plaintext decrypt(Ciphertext ciphertext) {
    CkksParameters params = secretKey.parameters();
    if (!ciphertext.parameters().sameAs(params)) {
      throw new IllegalArgumentException("ciphertext belongs to parameters " + ciphertext.parameters()
          + ", secret key to " + params);
    }
    int limbs = ciphertext.level() + 1;
    RnsPoly result = ciphertext.part(0).firstLimbs(limbs);
    RnsPoly power = secretKey.poly();
    RnsPoly sPower = power.firstLimbs(limbs);
    for (int p = 1; p < ciphertext.size(); p++) {
      for (int i = 0; i < limbs; i++) {
        PolyArithmetic.multiplyAddLimb(params.modulus(i), ciphertext.part(p).limbs[i], sPower.limbs[i],
            result.limbs[i]);
      }
      if (p + 1 < ciphertext.size()) {
        PolyArithmetic.multiply(params, sPower, power, limbs, sPower);
      }
    }
    return new Plaintext(params, result, ciphertext.level(), ciphertext.scale());
  }
}
