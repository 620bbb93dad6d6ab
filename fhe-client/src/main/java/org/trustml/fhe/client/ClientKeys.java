package org.trustml.fhe.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.CkksSerializer;
import org.trustml.fhe.ckks.KeyGenerator;
import org.trustml.fhe.ckks.SecretKey;
import org.trustml.fhe.plan.ParameterSets;

/**
 * A client's keys in a directory: {@value #SECRET} (the secret key: read by this class and the decryptor, never by
 * anything that talks to the server), {@value #PUBLIC}, {@value #RELINEARIZATION} and optionally {@value #GALOIS}
 * (the evaluation keys, the only files {@link FheClient#registerKeys} sends). Each file is a {@link CkksSerializer}
 * object whose header names its parameter set, so the directory needs no other metadata.
 *
 * @param parameterSet one of {@link ParameterSets#names()}
 */
public record ClientKeys(String parameterSet, SecretKey secretKey, byte[] publicKey, byte[] relinearizationKey,
    byte[] galoisKeys) {

  /** The secret key's file. */
  public static final String SECRET = "secret-key.ckks";
  /** The public key's file. */
  public static final String PUBLIC = "public-key.ckks";
  /** The relinearisation key's file. */
  public static final String RELINEARIZATION = "relinearization-key.ckks";
  /** The Galois keys' file, absent when no rotation step was asked for. */
  public static final String GALOIS = "galois-keys.ckks";
  /** Bytes of a key seed file. */
  public static final int SEED_BYTES = 32;

  /** The parameters of {@link #parameterSet()}. */
  public CkksParameters parameters() {
    return ParameterSets.byName(parameterSet);
  }

  /**
   * Generates keys.
   *
   * @param seed          32 bytes for reproducible keys (keep them as secret as the key), or null for a fresh seed
   *                      from the DRBG
   * @param galoisSteps   rotation steps to make Galois keys for (none with throughput packing)
   */
  public static ClientKeys generate(String parameterSet, byte[] seed, int[] galoisSteps) {
    CkksParameters params = ParameterSets.byName(parameterSet);
    KeyGenerator generator;
    if (seed == null) {
      generator = new KeyGenerator(params, drbg());
    } else {
      if (seed.length != SEED_BYTES) {
        throw new IllegalArgumentException("a key seed has " + SEED_BYTES + " bytes, got " + seed.length);
      }
      generator = new KeyGenerator(params, seed);
    }
    byte[] galois = galoisSteps.length == 0 ? null
        : CkksSerializer.write(generator.galoisKeys(galoisSteps.clone(), false));
    return new ClientKeys(parameterSet, generator.secretKey(), CkksSerializer.write(generator.publicKey()),
        CkksSerializer.write(generator.relinearizationKey()), galois);
  }

  /**
   * Keys for {@code plan}: its parameter set, and Galois keys for exactly its rotation steps (none with throughput
   * packing).
   */
  public static ClientKeys forPlan(FheClient.Plan plan, byte[] seed) {
    return generate(plan.parameterSet(), seed, plan.rotationSteps());
  }

  /** Those of {@code steps} these keys hold no Galois key for, ascending. */
  public List<Integer> missingRotations(int[] steps) {
    List<Integer> have = galoisKeys == null ? List.of()
        : CkksSerializer.readGaloisKeys(parameters(), galoisKeys).rotationSteps();
    return Arrays.stream(steps).filter(s -> !have.contains(s)).sorted().boxed().toList();
  }

  /** Writes the keys to {@code dir} (created if needed); the secret key's file is readable by its owner only. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path secret = dir.resolve(SECRET);
    Files.deleteIfExists(secret);
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(secret, CkksSerializer.write(secretKey));
    Files.write(dir.resolve(PUBLIC), publicKey);
    Files.write(dir.resolve(RELINEARIZATION), relinearizationKey);
    Path galois = dir.resolve(GALOIS);
    if (galoisKeys != null) {
      Files.write(galois, galoisKeys);
    } else {
      Files.deleteIfExists(galois);
    }
  }

  /**
   * Reads the keys written by {@link #write}.
   *
   * @throws IllegalArgumentException if a file is missing, of the wrong kind, or of another parameter set
   */
  public static ClientKeys read(Path dir) throws IOException {
    byte[] secret = file(dir, SECRET);
    CkksSerializer.Header header = CkksSerializer.header(secret);
    if (!header.isSecretKey()) {
      throw new IllegalArgumentException(dir.resolve(SECRET) + " holds a " + header.type() + ", not a secret key");
    }
    String set = ParameterSets.nameOf(header.parameterId()).orElseThrow(() -> new IllegalArgumentException(
        dir.resolve(SECRET) + " is of an unknown parameter set " + ParameterSets.fingerprint(header.parameterId())));
    CkksParameters params = ParameterSets.byName(set);
    byte[] pk = file(dir, PUBLIC);
    byte[] rk = file(dir, RELINEARIZATION);
    CkksSerializer.readPublicKey(params, pk); // checks kind, parameters and bytes before anything is uploaded
    CkksSerializer.readKeySwitchKey(params, rk);
    byte[] galois = null;
    if (Files.isRegularFile(dir.resolve(GALOIS))) {
      galois = Files.readAllBytes(dir.resolve(GALOIS));
      CkksSerializer.readGaloisKeys(params, galois);
    }
    return new ClientKeys(set, CkksSerializer.readSecretKey(params, secret), pk, rk, galois);
  }

  /** A 32-byte seed file's contents. */
  public static byte[] readSeed(Path file) throws IOException {
    byte[] seed = Files.readAllBytes(file);
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException(file + " has " + seed.length + " bytes; a key seed has " + SEED_BYTES);
    }
    return seed;
  }

  private static byte[] file(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no " + name + " in " + dir + " (make the keys with keygen)");
    }
    return Files.readAllBytes(p);
  }

  static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientKeys k && parameterSet.equals(k.parameterSet)
        && Arrays.equals(CkksSerializer.write(secretKey), CkksSerializer.write(k.secretKey))
        && Arrays.equals(publicKey, k.publicKey) && Arrays.equals(relinearizationKey, k.relinearizationKey)
        && Arrays.equals(galoisKeys, k.galoisKeys);
  }

  @Override
  public int hashCode() {
    return parameterSet.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "ClientKeys[" + parameterSet + ", secret key not shown]";
  }
}
