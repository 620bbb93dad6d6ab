package org.trustml.fhe.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.fhe.ckks.CkksSerializer;

class ClientKeysTest {

  private static byte[] seed(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return seed;
  }

  @Test
  void keysRoundTripThroughTheirFiles(@TempDir Path dir) throws Exception {
    ClientKeys keys = ClientKeys.generate("test", seed(1), new int[] {1, -2});
    keys.write(dir);
    ClientKeys read = ClientKeys.read(dir);
    assertThat(read).isEqualTo(keys);
    assertThat(read.parameterSet()).isEqualTo("test");
    assertThat(CkksSerializer.readGaloisKeys(read.parameters(), read.galoisKeys()).hasRotation(-2)).isTrue();
    assertThat(CkksSerializer.header(Files.readAllBytes(dir.resolve(ClientKeys.SECRET))).isSecretKey()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(ClientKeys.SECRET))))
        .isEqualTo("rw-------");
    // the same seed makes the same keys; another seed other keys; without Galois steps there is no Galois file
    assertThat(ClientKeys.generate("test", seed(1), new int[] {1, -2})).isEqualTo(keys);
    ClientKeys other = ClientKeys.generate("test", seed(2), new int[0]);
    assertThat(other.publicKey()).isNotEqualTo(keys.publicKey());
    other.write(dir);
    assertThat(dir.resolve(ClientKeys.GALOIS)).doesNotExist();
    assertThat(ClientKeys.read(dir)).isEqualTo(other);
  }

  @Test
  void wrongFilesAndSeedsAreRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ClientKeys.read(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no " + ClientKeys.SECRET);
    ClientKeys keys = ClientKeys.generate("test", seed(3), new int[0]);
    keys.write(dir);
    Files.write(dir.resolve(ClientKeys.PUBLIC), keys.relinearizationKey());
    assertThatThrownBy(() -> ClientKeys.read(dir)).isInstanceOf(IllegalArgumentException.class);
    Files.write(dir.resolve(ClientKeys.SECRET), keys.publicKey());
    assertThatThrownBy(() -> ClientKeys.read(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a secret key");
    Path seed = dir.resolve("seed");
    Files.write(seed, new byte[31]);
    assertThatThrownBy(() -> ClientKeys.readSeed(seed)).hasMessageContaining("31 bytes");
    assertThatThrownBy(() -> ClientKeys.generate("huge", null, new int[0])).hasMessageContaining("unknown parameter");
    assertThat(keys.toString()).doesNotContain("coefficients").contains("secret key not shown");
  }
}
