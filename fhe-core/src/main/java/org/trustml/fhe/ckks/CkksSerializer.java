package org.trustml.fhe.ckks;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact binary format. Header: magic "TMCK", format version, object type, parameter id (8 bytes), level (1 byte),
 * scale (IEEE double; 1 for keys). Residues are packed with bits(q_i) bits each. Uniform polynomials of keys are
 * stored as their 32-byte seed. Reading needs the parameter set and rejects anything malformed with an
 * {@link IllegalArgumentException} that says what is wrong.
 */
public final class CkksSerializer {

  private static final int MAGIC = 0x544d434b; // "TMCK"
  private static final byte VERSION = 1;
  private static final byte CIPHERTEXT = 1;
  private static final byte PUBLIC_KEY = 2;
  private static final byte KEY_SWITCH_KEY = 3;
  private static final byte GALOIS_KEYS = 4;
  private static final byte SECRET_KEY = 5;
  private static final byte SEEDED_CIPHERTEXT = 6;
  private static final int TYPE_OFFSET = 5; // the type byte follows the magic and the version
  private static final int HEADER_BYTES = 4 + 1 + 1 + 8 + 1 + 8;
  private static final String[] TYPE_NAMES = {"?", "ciphertext", "public key", "key-switching key", "Galois keys",
      "secret key", "seeded ciphertext"};

  private CkksSerializer() {}

  /**
   * A ciphertext of size 2 or 3; a fresh symmetric encryption ({@link Ciphertext#isSeeded()}) as c_0 and the 32-byte
   * seed of c_1, about half the size.
   */
  public static byte[] write(Ciphertext c) {
    if (c.isSeeded()) {
      ByteArrayOutputStream out = header(SEEDED_CIPHERTEXT, c.parameters(), c.level(), c.scale());
      out.writeBytes(c.seed());
      writeRows(out, c.parameters(), c.part(0), PolyArithmetic.dataIndices(c.level()));
      return out.toByteArray();
    }
    ByteArrayOutputStream out = header(CIPHERTEXT, c.parameters(), c.level(), c.scale());
    out.write(c.size());
    for (int p = 0; p < c.size(); p++) {
      writeRows(out, c.parameters(), c.part(p), PolyArithmetic.dataIndices(c.level()));
    }
    return out.toByteArray();
  }

  /** Reads a ciphertext written by {@link #write(Ciphertext)} under {@code params}, seeded or not. */
  public static Ciphertext readCiphertext(CkksParameters params, byte[] bytes) {
    return parse(bytes, () -> {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      boolean seeded = bytes.length > TYPE_OFFSET && bytes[TYPE_OFFSET] == SEEDED_CIPHERTEXT;
      Parsed h = readHeader(in, params, seeded ? SEEDED_CIPHERTEXT : CIPHERTEXT);
      if (seeded) {
        byte[] seed = readSeed(in);
        RnsPoly c0 = readRows(in, params, PolyArithmetic.dataIndices(h.level));
        requireEnd(in);
        RnsPoly c1 = SymmetricEncryptor.uniform(params, seed, h.level);
        return new Ciphertext(params, new RnsPoly[] {c0, c1}, h.level, h.scale, seed);
      }
      int size = in.get();
      if (size != 2 && size != 3) {
        throw new IllegalArgumentException("ciphertext size must be 2 or 3, got " + size);
      }
      RnsPoly[] parts = new RnsPoly[size];
      for (int p = 0; p < size; p++) {
        parts[p] = readRows(in, params, PolyArithmetic.dataIndices(h.level));
      }
      requireEnd(in);
      return new Ciphertext(params, parts, h.level, h.scale);
    });
  }

  /** A public key: b packed, a as its seed. */
  public static byte[] write(PublicKey key) {
    ByteArrayOutputStream out = header(PUBLIC_KEY, key.parameters(), key.parameters().maxLevel(), 1);
    out.writeBytes(key.seed());
    writeRows(out, key.parameters(), key.b(), PolyArithmetic.dataIndices(key.parameters().maxLevel()));
    return out.toByteArray();
  }

  /** Reads a public key written by {@link #write(PublicKey)}. */
  public static PublicKey readPublicKey(CkksParameters params, byte[] bytes) {
    return parse(bytes, () -> {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      readKeyHeader(in, params, PUBLIC_KEY);
      byte[] seed = readSeed(in);
      RnsPoly b = readRows(in, params, PolyArithmetic.dataIndices(params.maxLevel()));
      requireEnd(in);
      return new PublicKey(params, seed, b);
    });
  }

  /** A relinearisation or single Galois key. */
  public static byte[] write(KeySwitchKey key) {
    ByteArrayOutputStream out = header(KEY_SWITCH_KEY, key.parameters(), key.parameters().maxLevel(), 1);
    writeKeySwitchBody(out, key);
    return out.toByteArray();
  }

  /** Reads a key written by {@link #write(KeySwitchKey)}. */
  public static KeySwitchKey readKeySwitchKey(CkksParameters params, byte[] bytes) {
    return parse(bytes, () -> {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      readKeyHeader(in, params, KEY_SWITCH_KEY);
      KeySwitchKey key = readKeySwitchBody(in, params);
      requireEnd(in);
      return key;
    });
  }

  /** A set of Galois keys. */
  public static byte[] write(GaloisKeys keys) {
    ByteArrayOutputStream out = header(GALOIS_KEYS, keys.parameters(), keys.parameters().maxLevel(), 1);
    writeInt(out, keys.byElement().size());
    for (KeySwitchKey key : keys.byElement().values()) {
      writeKeySwitchBody(out, key);
    }
    return out.toByteArray();
  }

  /** Reads keys written by {@link #write(GaloisKeys)}. */
  public static GaloisKeys readGaloisKeys(CkksParameters params, byte[] bytes) {
    return parse(bytes, () -> {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      readKeyHeader(in, params, GALOIS_KEYS);
      int count = in.getInt();
      if (count < 0 || count > params.n()) {
        throw new IllegalArgumentException("Galois key count " + count + " outside 0.." + params.n());
      }
      Map<Integer, KeySwitchKey> keys = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        KeySwitchKey key = readKeySwitchBody(in, params);
        if (key.galoisElement() == 0 || keys.put(key.galoisElement(), key) != null) {
          throw new IllegalArgumentException("invalid or repeated Galois element " + key.galoisElement());
        }
      }
      requireEnd(in);
      return new GaloisKeys(params, keys);
    });
  }

  /** The secret key, 2 bits per coefficient: for client-side storage only, never for upload. */
  public static byte[] write(SecretKey key) {
    ByteArrayOutputStream out = header(SECRET_KEY, key.parameters(), key.parameters().maxLevel(), 1);
    long[] shifted = key.coefficients().clone();
    for (int k = 0; k < shifted.length; k++) {
      shifted[k] += 1;
    }
    BitPacking.write(out, shifted, 2);
    return out.toByteArray();
  }

  /** Reads a secret key written by {@link #write(SecretKey)}. */
  public static SecretKey readSecretKey(CkksParameters params, byte[] bytes) {
    return parse(bytes, () -> {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      readKeyHeader(in, params, SECRET_KEY);
      long[] coefficients = BitPacking.read(in, params.n(), 2, 3);
      for (int k = 0; k < coefficients.length; k++) {
        coefficients[k] -= 1;
      }
      requireEnd(in);
      return new SecretKey(params, coefficients);
    });
  }

  /**
   * What a serialized object's header says, read without the parameter set: enough to refuse a secret key or an
   * object of an unknown parameter set before parsing its body.
   *
   * @param type        "ciphertext", "seeded ciphertext", "public key", "key-switching key", "Galois keys" or
   *                    "secret key"
   * @param parameterId the {@link CkksParameters#id()} it claims
   */
  public record Header(String type, long parameterId, int level, double scale) {

    /** Whether the object is a secret key (which must never leave the client). */
    public boolean isSecretKey() {
      return TYPE_NAMES[SECRET_KEY].equals(type);
    }

    /** Whether the object is a ciphertext, seeded or not. */
    public boolean isCiphertext() {
      return TYPE_NAMES[CIPHERTEXT].equals(type) || TYPE_NAMES[SEEDED_CIPHERTEXT].equals(type);
    }
  }

  /**
   * Reads the header of any object this class writes.
   *
   * @throws IllegalArgumentException if the bytes do not start with a header of this format
   */
  public static Header header(byte[] bytes) {
    if (bytes.length < HEADER_BYTES) {
      throw new IllegalArgumentException("truncated: " + bytes.length + " bytes, a header alone has " + HEADER_BYTES);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getInt() != MAGIC) {
      throw new IllegalArgumentException("not a trustml CKKS object: bad magic");
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported format version " + version + ", expected " + VERSION);
    }
    byte type = in.get();
    if (type <= 0 || type >= TYPE_NAMES.length) {
      throw new IllegalArgumentException("unknown object type " + type);
    }
    long id = in.getLong();
    int level = in.get() & 0xff;
    double scale = in.getDouble();
    return new Header(TYPE_NAMES[type], id, level, scale);
  }

  /** Serialized size of a ciphertext of {@code size} parts at {@code level} ({@link #write(Ciphertext)}). */
  public static long ciphertextBytes(CkksParameters params, int level, int size) {
    return HEADER_BYTES + 1 + size * rowBytes(params, PolyArithmetic.dataIndices(level));
  }

  /** Serialized size of a fresh symmetric (seeded) encryption at {@code level}: c_0 and a seed. */
  public static long seededCiphertextBytes(CkksParameters params, int level) {
    return HEADER_BYTES + Shake256Stream.SEED_BYTES + rowBytes(params, PolyArithmetic.dataIndices(level));
  }

  /** Serialized size of a public key. */
  public static long publicKeyBytes(CkksParameters params) {
    return HEADER_BYTES + Shake256Stream.SEED_BYTES
        + rowBytes(params, PolyArithmetic.dataIndices(params.maxLevel()));
  }

  /** Serialized size of the relinearisation key or of one {@link #write(KeySwitchKey) single} Galois key. */
  public static long keySwitchKeyBytes(CkksParameters params) {
    return HEADER_BYTES + keySwitchBodyBytes(params);
  }

  /** Serialized size of {@code count} Galois keys written together. */
  public static long galoisKeysBytes(CkksParameters params, int count) {
    return HEADER_BYTES + 4 + (long) count * keySwitchBodyBytes(params);
  }

  private static long keySwitchBodyBytes(CkksParameters params) {
    return 4 + 1 + Shake256Stream.SEED_BYTES
        + (long) (params.maxLevel() + 1) * rowBytes(params, PolyArithmetic.keyIndices(params));
  }

  private static long rowBytes(CkksParameters params, int[] moduli) {
    long bytes = 0;
    for (int i : moduli) {
      bytes += BitPacking.byteLength(params.n(), params.modulus(i).bits());
    }
    return bytes;
  }

  private interface Body<T> {
    T read();
  }

  private static <T> T parse(byte[] bytes, Body<T> body) {
    try {
      return body.read();
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated: " + bytes.length + " bytes end inside the data", e);
    }
  }

  private static void writeKeySwitchBody(ByteArrayOutputStream out, KeySwitchKey key) {
    writeInt(out, key.galoisElement());
    out.write(key.digits());
    out.writeBytes(key.seed());
    for (int j = 0; j < key.digits(); j++) {
      writeRows(out, key.parameters(), key.b(j), PolyArithmetic.keyIndices(key.parameters()));
    }
  }

  private static KeySwitchKey readKeySwitchBody(ByteBuffer in, CkksParameters params) {
    int element = in.getInt();
    if (element != 0 && (element < 0 || element >= 2 * params.n() || element % 2 == 0)) {
      throw new IllegalArgumentException("Galois element " + element + " is not odd and below 2N = " + 2 * params.n());
    }
    int digits = in.get();
    if (digits != params.maxLevel() + 1) {
      throw new IllegalArgumentException("key has " + digits + " digits, parameters need " + (params.maxLevel() + 1));
    }
    byte[] seed = readSeed(in);
    RnsPoly[] b = new RnsPoly[digits];
    for (int j = 0; j < digits; j++) {
      b[j] = readRows(in, params, PolyArithmetic.keyIndices(params));
    }
    return new KeySwitchKey(params, element, seed, b);
  }

  private static ByteArrayOutputStream header(byte type, CkksParameters params, int level, double scale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
    h.putInt(MAGIC).put(VERSION).put(type).putLong(params.id()).put((byte) level).putDouble(scale);
    out.writeBytes(h.array());
    return out;
  }

  private record Parsed(int level, double scale) {}

  private static Parsed readHeader(ByteBuffer in, CkksParameters params, byte expectedType) {
    if (in.remaining() < 4 || in.getInt() != MAGIC) {
      throw new IllegalArgumentException("not a trustml CKKS object: bad magic");
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported format version " + version + ", expected " + VERSION);
    }
    byte type = in.get();
    if (type != expectedType) {
      String name = type > 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "unknown type " + type;
      throw new IllegalArgumentException("expected a " + TYPE_NAMES[expectedType] + ", found a " + name);
    }
    long id = in.getLong();
    if (id != params.id()) {
      throw new IllegalArgumentException(String.format("parameter id %016x does not match %s", id, params));
    }
    int level = in.get() & 0xff;
    if (level > params.maxLevel()) {
      throw new IllegalArgumentException("level " + level + " outside 0.." + params.maxLevel());
    }
    double scale = in.getDouble();
    if (!(scale >= 1) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a finite value >= 1, got " + scale);
    }
    return new Parsed(level, scale);
  }

  private static void readKeyHeader(ByteBuffer in, CkksParameters params, byte type) {
    Parsed h = readHeader(in, params, type);
    if (h.level != params.maxLevel()) {
      throw new IllegalArgumentException("keys live at the top level " + params.maxLevel() + ", got " + h.level);
    }
  }

  private static byte[] readSeed(ByteBuffer in) {
    byte[] seed = new byte[Shake256Stream.SEED_BYTES];
    in.get(seed);
    return seed;
  }

  private static void writeRows(ByteArrayOutputStream out, CkksParameters params, RnsPoly poly, int[] moduli) {
    for (int r = 0; r < moduli.length; r++) {
      BitPacking.write(out, poly.limbs[r], params.modulus(moduli[r]).bits());
    }
  }

  private static RnsPoly readRows(ByteBuffer in, CkksParameters params, int[] moduli) {
    long[][] rows = new long[moduli.length][];
    for (int r = 0; r < moduli.length; r++) {
      Modulus m = params.modulus(moduli[r]);
      rows[r] = BitPacking.read(in, params.n(), m.bits(), m.value());
    }
    return new RnsPoly(rows);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
  }

  private static void requireEnd(ByteBuffer in) {
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " trailing bytes after the object");
    }
  }
}
