package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serializer's size formulas against the lengths it actually writes, header inspection without the parameters,
 * the ciphertext batch container, and the rotation steps read back from Galois keys.
 */
class SizesHeadersAndBatchesTest {

  private static Keys keys;
  private static SymmetricEncryptor symmetric;

  @BeforeAll
  static void keys() {
    keys = new Keys(TestParameters.threeLevels(), new int[] {1, -1, 5});
    symmetric = new SymmetricEncryptor(keys.generator.secretKey(), new SecureRandom());
  }

  @Test
  void sizeFormulasEqualWhatIsWritten() {
    CkksParameters p = keys.params;
    assertThat(CkksSerializer.publicKeyBytes(p)).isEqualTo(CkksSerializer.write(keys.publicKey).length);
    assertThat(CkksSerializer.keySwitchKeyBytes(p)).isEqualTo(CkksSerializer.write(keys.relinearizationKey).length);
    int count = keys.galoisKeys.byElement().size();
    assertThat(count).isEqualTo(4);
    assertThat(CkksSerializer.galoisKeysBytes(p, count)).isEqualTo(CkksSerializer.write(keys.galoisKeys).length);
    for (int level = 0; level <= p.maxLevel(); level++) {
      Plaintext m = keys.encoder.encode(new double[] {1, 2}, level, p.defaultScale());
      assertThat(CkksSerializer.seededCiphertextBytes(p, level))
          .isEqualTo(CkksSerializer.write(symmetric.encrypt(m)).length);
      Ciphertext c = keys.encryptor.encrypt(m);
      assertThat(CkksSerializer.ciphertextBytes(p, level, 2)).isEqualTo(CkksSerializer.write(c).length);
      assertThat(CkksSerializer.ciphertextBytes(p, level, 3))
          .isEqualTo(CkksSerializer.write(keys.evaluator.multiply(c, c)).length);
    }
  }

  @Test
  void headersAreReadWithoutTheParameters() {
    CkksParameters p = keys.params;
    Ciphertext c = symmetric.encrypt(keys.encoder.encode(new double[] {1}, 1, Math.scalb(1.0, 33)));
    CkksSerializer.Header h = CkksSerializer.header(CkksSerializer.write(c));
    assertThat(h.type()).isEqualTo("seeded ciphertext");
    assertThat(h.isCiphertext()).isTrue();
    assertThat(h.parameterId()).isEqualTo(p.id());
    assertThat(h.level()).isEqualTo(1);
    assertThat(h.scale()).isEqualTo(Math.scalb(1.0, 33));
    CkksSerializer.Header secret = CkksSerializer.header(CkksSerializer.write(keys.generator.secretKey()));
    assertThat(secret.isSecretKey()).isTrue();
    assertThat(secret.isCiphertext()).isFalse();
    assertThat(CkksSerializer.header(CkksSerializer.write(keys.relinearizationKey)).type())
        .isEqualTo("key-switching key");
    assertThatThrownBy(() -> CkksSerializer.header(new byte[10])).hasMessageContaining("truncated");
    byte[] bad = CkksSerializer.write(c);
    bad[0] ^= 1;
    assertThatThrownBy(() -> CkksSerializer.header(bad)).hasMessageContaining("bad magic");
  }

  @Test
  void batchesRoundTripAndRefuseMalformedContainers() {
    Ciphertext[] cs = new Ciphertext[3];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = symmetric.encrypt(keys.encoder.encode(new double[] {i, -i}));
    }
    byte[] batch = CiphertextBatch.write(cs);
    long each = CkksSerializer.seededCiphertextBytes(keys.params, keys.params.maxLevel());
    assertThat(batch.length).isEqualTo(CiphertextBatch.bytes(3, each));
    Ciphertext[] back = CiphertextBatch.read(keys.params, batch);
    for (int i = 0; i < cs.length; i++) {
      double[] decrypted = keys.decrypt(back[i]);
      assertThat(decrypted[0]).isCloseTo(i, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(decrypted[1]).isCloseTo(-i, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(CiphertextBatch.split(CiphertextBatch.join(List.of()))).isEmpty();
    assertThatThrownBy(() -> CiphertextBatch.split(Arrays.copyOf(batch, batch.length - 1)))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> CiphertextBatch.split(Arrays.copyOf(batch, batch.length + 2)))
        .hasMessageContaining("2 trailing bytes");
    assertThatThrownBy(() -> CiphertextBatch.split("TMCK".getBytes())).hasMessageContaining("bad magic");
    List<byte[]> parts = new ArrayList<>(CiphertextBatch.split(batch));
    parts.set(1, Arrays.copyOf(parts.get(1), parts.get(1).length - 1));
    assertThatThrownBy(() -> CiphertextBatch.read(keys.params, CiphertextBatch.join(parts)))
        .hasMessageStartingWith("ciphertext 1:");
  }

  @Test
  void galoisKeysReportTheirRotationSteps() {
    // -1 is the left rotation by N/2 - 1; the element of step k is 5^k mod 2N, found here independently
    int slots = keys.params.slots();
    assertThat(keys.galoisKeys.rotationSteps()).containsExactly(1, 5, slots - 1);
    assertThat(keys.galoisKeys.hasConjugation()).isTrue();
    for (int step : keys.galoisKeys.rotationSteps()) {
      assertThat(keys.galoisKeys.hasRotation(step)).isTrue();
    }
    GaloisKeys none = keys.generator.galoisKeys(new int[] {2}, false);
    assertThat(none.rotationSteps()).containsExactly(2);
    assertThat(none.hasConjugation()).isFalse();
  }
}
