package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeded secret-key encryption: decrypts, computes with public-key ciphertexts, serializes at half size. */
class SymmetricEncryptorTest {

  /** Fresh encryption noise is just e (no v pk term), so this is the public-key floor of CkksCircuitTest or better. */
  private static final double FRESH_FLOOR_BITS = 20;
  private static final double KEY_SWITCH_FLOOR_BITS = 17;
  private static final int HEADER_BYTES = 23;
  private static Keys keys;
  private static SymmetricEncryptor symmetric;
  private final SplittableRandom random = new SplittableRandom(345);

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), new int[] {1});
    symmetric = new SymmetricEncryptor(keys.generator.secretKey(), new SecureRandom());
  }

  private double[] randomSlots() {
    double[] v = new double[keys.params.slots()];
    for (int k = 0; k < v.length; k++) {
      v[k] = random.nextDouble(-1, 1);
    }
    return v;
  }

  @Test
  void freshSymmetricEncryptionDecryptsToTheInputAndIsSeeded() {
    double[] x = randomSlots();
    Ciphertext c = symmetric.encrypt(keys.encoder.encode(x));
    assertThat(c.isSeeded()).isTrue();
    assertThat(c.level()).isEqualTo(keys.params.maxLevel());
    assertThat(Keys.precisionBits(keys.decrypt(c), x)).isGreaterThan(FRESH_FLOOR_BITS);
    Ciphertext again = symmetric.encrypt(keys.encoder.encode(x));
    assertThat(again.part(1).limbs[0]).isNotEqualTo(c.part(1).limbs[0]); // a fresh seed each time
  }

  @Test
  void symmetricCiphertextsComputeWithPublicKeyCiphertexts() {
    double[] x = randomSlots();
    double[] y = randomSlots();
    Ciphertext cx = symmetric.encrypt(keys.encoder.encode(x));
    Ciphertext cy = keys.encrypt(y);
    Ciphertext result = keys.evaluator.rotate(keys.evaluator.rescale(keys.evaluator.relinearize(
        keys.evaluator.multiply(cx, cy), keys.relinearizationKey)), 1, keys.galoisKeys);
    assertThat(result.isSeeded()).isFalse();
    double[] expected = new double[x.length];
    for (int k = 0; k < expected.length; k++) {
      int from = (k + 1) % expected.length;
      expected[k] = x[from] * y[from];
    }
    assertThat(Keys.precisionBits(keys.decrypt(result), expected)).isGreaterThan(KEY_SWITCH_FLOOR_BITS);
  }

  @Test
  void seededCiphertextsRoundTripAtAboutHalfTheSize() {
    CkksParameters params = keys.params;
    for (int level : new int[] {params.maxLevel(), 1}) {
      double[] x = randomSlots();
      Ciphertext c = symmetric.encrypt(keys.encoder.encode(x, level, params.defaultScale()));
      byte[] bytes = CkksSerializer.write(c);
      int residueBytes = 0;
      for (int i = 0; i <= level; i++) {
        residueBytes += params.modulus(i).bits() * params.n() / 8;
      }
      assertThat(bytes.length).isEqualTo(HEADER_BYTES + 32 + residueBytes);
      int unseeded = CkksSerializer.write(keys.evaluator.dropToLevel(keys.encrypt(x), level)).length;
      assertThat((double) bytes.length / unseeded).isLessThan(0.51);

      Ciphertext back = CkksSerializer.readCiphertext(params, bytes);
      assertThat(back.isSeeded()).isTrue();
      assertThat(back.level()).isEqualTo(level);
      assertThat(back.scale()).isEqualTo(c.scale());
      for (int p = 0; p < 2; p++) {
        for (int i = 0; i <= level; i++) {
          assertThat(back.part(p).limbs[i]).containsExactly(c.part(p).limbs[i]);
        }
      }
      assertThat(CkksSerializer.write(back)).isEqualTo(bytes);
      assertThat(Keys.precisionBits(keys.decrypt(back), x)).isGreaterThan(FRESH_FLOOR_BITS);
    }
  }

  @Test
  void malformedSeededBytesAreRejectedWithAReason() {
    byte[] good = CkksSerializer.write(symmetric.encrypt(keys.encoder.encode(randomSlots())));
    assertThatThrownBy(() -> CkksSerializer.readCiphertext(keys.params, Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> CkksSerializer.readCiphertext(keys.params, Arrays.copyOf(good, 40)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> CkksSerializer.readCiphertext(keys.params, Arrays.copyOf(good, good.length + 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 trailing bytes");
    assertThatThrownBy(() -> CkksSerializer.readPublicKey(keys.params, good))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a public key, found a seeded ciphertext");
  }

  @Test
  void plaintextsOfOtherParametersAreRefused() {
    Plaintext foreign = new CkksEncoder(TestParameters.small()).encode(new double[] {1});
    assertThatThrownBy(() -> symmetric.encrypt(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret key");
  }
}
