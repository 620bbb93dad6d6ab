package org.trustml.fhe.ckks;

/**
 * An encryption (c_0, c_1[, c_2]) with c_0 + c_1 s [+ c_2 s^2] = Delta m + e modulo q_0 ... q_level. Polynomials are
 * in NTT form. Size 3 appears only after a multiplication, until relinearisation. Immutable by contract: the engine
 * never changes a ciphertext it returned. A fresh {@link SymmetricEncryptor} ciphertext also remembers the seed its c_1
 * was expanded from, so that it serializes at about half size; results of operations carry no seed.
 */
public final class Ciphertext {

  private final CkksParameters params;
  private final RnsPoly[] parts;
  private final int level;
  private final double scale;
  private final byte[] seed; // null unless c_1 is the uniform polynomial of this seed

  Ciphertext(CkksParameters params, RnsPoly[] parts, int level, double scale) {
    this(params, parts, level, scale, null);
  }

  Ciphertext(CkksParameters params, RnsPoly[] parts, int level, double scale, byte[] seed) {
    this.params = params;
    this.parts = parts;
    this.level = level;
    this.scale = scale;
    this.seed = seed == null ? null : seed.clone();
  }

  /** The parameter set this ciphertext was made under. */
  public CkksParameters parameters() {
    return params;
  }

  RnsPoly part(int i) {
    return parts[i];
  }

  /** Number of polynomials: 2, or 3 after a multiplication before relinearisation. */
  public int size() {
    return parts.length;
  }

  /** Level: the ciphertext lives modulo q_0 * ... * q_level; each rescale lowers it by one. */
  public int level() {
    return level;
  }

  /** Whether c_1 is stored as a seed when serialized (a fresh symmetric encryption). */
  public boolean isSeeded() {
    return seed != null;
  }

  byte[] seed() {
    return seed.clone();
  }

  /** Scale Delta of the encrypted message. */
  public double scale() {
    return scale;
  }
}
