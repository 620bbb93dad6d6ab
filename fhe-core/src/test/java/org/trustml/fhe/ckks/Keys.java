package org.trustml.fhe.ckks;

import java.security.SecureRandom;

/** A full key set from a fixed seed, with the engine objects that use it. */
final class Keys {

  final CkksParameters params;
  final KeyGenerator generator;
  final PublicKey publicKey;
  final KeySwitchKey relinearizationKey;
  final GaloisKeys galoisKeys;
  final CkksEncoder encoder;
  final Encryptor encryptor;
  final Decryptor decryptor;
  final Evaluator evaluator;

  Keys(CkksParameters params, int[] rotationSteps) {
    this.params = params;
    byte[] seed = new byte[32];
    seed[0] = 42;
    generator = new KeyGenerator(params, seed);
    publicKey = generator.publicKey();
    relinearizationKey = generator.relinearizationKey();
    galoisKeys = generator.galoisKeys(rotationSteps, true);
    encoder = new CkksEncoder(params);
    encryptor = new Encryptor(publicKey, new SecureRandom());
    decryptor = new Decryptor(generator.secretKey());
    evaluator = new Evaluator(params);
  }

  Ciphertext encrypt(double[] values) {
    return encryptor.encrypt(encoder.encode(values));
  }

  double[] decrypt(Ciphertext ciphertext) {
    return encoder.decode(decryptor.decrypt(ciphertext));
  }

  /** -log2 of the largest absolute error. */
  static double precisionBits(double[] actual, double[] expected) {
    double worst = 0;
    for (int k = 0; k < expected.length; k++) {
      worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
    }
    return -Math.log(worst) / Math.log(2);
  }
}
