package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of every serialized object, their sizes, and rejection of malformed bytes. */
class CkksSerializerTest {

  private static final double FLOOR_BITS = 17;
  private static Keys keys;
  private static final double[] VALUES = {0.5, -0.25, 0.125, 3.0};

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), new int[] {1, -1});
  }

  private static int residueBytes(CkksParameters params, int firstModuli, boolean withSpecial) {
    int bits = 0;
    for (int i = 0; i < firstModuli; i++) {
      bits += params.modulus(i).bits();
    }
    if (withSpecial) {
      bits += params.modulus(params.specialIndex()).bits();
    }
    return bits * params.n() / 8;
  }

  @Test
  void ciphertextsRoundTripExactlyAndArePackedTightly() {
    Ciphertext c = keys.encrypt(VALUES);
    byte[] bytes = CkksSerializer.write(c);
    Ciphertext back = CkksSerializer.readCiphertext(keys.params, bytes);
    assertThat(back.level()).isEqualTo(c.level());
    assertThat(back.scale()).isEqualTo(c.scale());
    assertThat(CkksSerializer.write(back)).isEqualTo(bytes);
    assertThat(Keys.precisionBits(Arrays.copyOf(keys.decrypt(back), 4), VALUES)).isGreaterThan(FLOOR_BITS);
    assertThat(bytes.length).isEqualTo(23 + 1 + 2 * residueBytes(keys.params, keys.params.maxLevel() + 1, false));
    Ciphertext lower = keys.evaluator.multiply(keys.evaluator.dropToLevel(c, 1), keys.evaluator.dropToLevel(c, 1));
    assertThat(CkksSerializer.readCiphertext(keys.params, CkksSerializer.write(lower)).size()).isEqualTo(3);
  }

  @Test
  void keysRoundTripAndStillWork() {
    CkksParameters params = keys.params;
    PublicKey publicKey = CkksSerializer.readPublicKey(params, CkksSerializer.write(keys.publicKey));
    byte[] publicBytes = CkksSerializer.write(keys.publicKey);
    // b packed, a as a 32-byte seed: half the size of the pair
    assertThat(publicBytes.length).isEqualTo(23 + 32 + residueBytes(params, params.maxLevel() + 1, false));
    Ciphertext c = new Encryptor(publicKey, new SecureRandom()).encrypt(keys.encoder.encode(VALUES));

    KeySwitchKey relin = CkksSerializer.readKeySwitchKey(params, CkksSerializer.write(keys.relinearizationKey));
    GaloisKeys galois = CkksSerializer.readGaloisKeys(params, CkksSerializer.write(keys.galoisKeys));
    SecretKey secret = CkksSerializer.readSecretKey(params, CkksSerializer.write(keys.generator.secretKey()));
    assertThat(galois.byElement().keySet()).isEqualTo(keys.galoisKeys.byElement().keySet());

    Ciphertext result = keys.evaluator.rotate(keys.evaluator.rescale(keys.evaluator.relinearize(
        keys.evaluator.multiply(c, c), relin)), 1, galois);
    double[] decrypted = keys.encoder.decode(new Decryptor(secret).decrypt(result));
    double[] expected = new double[VALUES.length - 1];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = VALUES[k + 1] * VALUES[k + 1];
    }
    assertThat(Keys.precisionBits(Arrays.copyOf(decrypted, expected.length), expected)).isGreaterThan(FLOOR_BITS);
  }

  @Test
  void malformedBytesAreRejectedWithAReason() {
    byte[] good = CkksSerializer.write(keys.encrypt(VALUES));
    assertRejected(new byte[0], "bad magic");
    assertRejected(withByte(good, 0, 0x00), "bad magic");
    assertRejected(withByte(good, 4, 9), "unsupported format version 9");
    assertRejected(withByte(good, 5, 2), "expected a ciphertext, found a public key");
    assertRejected(withByte(good, 6, good[6] ^ 1), "parameter id");
    assertRejected(withByte(good, 14, 9), "level 9 outside 0..3");
    assertRejected(withByte(withByte(good, 15, 0x7f), 16, 0xf8), "scale must be a finite value"); // NaN
    assertRejected(withByte(good, 23, 4), "ciphertext size must be 2 or 3");
    assertRejected(Arrays.copyOf(good, good.length - 1), "truncated");
    assertRejected(Arrays.copyOf(good, good.length + 1), "1 trailing bytes");
    byte[] outOfRange = good.clone();
    Arrays.fill(outOfRange, 24, 24 + 8, (byte) 0xff); // the first residue becomes 2^bits - 1 >= q
    assertRejected(outOfRange, "is not below its modulus");
    assertThatThrownBy(() -> CkksSerializer.readCiphertext(TestParameters.small(), good))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> CkksSerializer.readPublicKey(keys.params, good))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a public key, found a ciphertext");
  }

  private static byte[] withByte(byte[] bytes, int index, int value) {
    byte[] copy = bytes.clone();
    copy[index] = (byte) value;
    return copy;
  }

  private static void assertRejected(byte[] bytes, String reason) {
    assertThatThrownBy(() -> CkksSerializer.readCiphertext(keys.params, bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
  }
}
