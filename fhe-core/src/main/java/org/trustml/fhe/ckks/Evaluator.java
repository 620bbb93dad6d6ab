package org.trustml.fhe.ckks;

/**
 * Homomorphic operations on ciphertexts of one parameter set. Operands must share parameters, level and (for
 * additions) scale; a mismatch is an {@link IllegalArgumentException} that says which and how to fix it. Results
 * are new ciphertexts; inputs are never modified. Thread-safe.
 */
public final class Evaluator {

  /** Relative tolerance under which two scales count as equal for additions. */
  public static final double SCALE_TOLERANCE = 1e-6;

  private final CkksParameters params;

  /** An evaluator for one parameter set. */
  public Evaluator(CkksParameters params) {
    this.params = params;
  }

  /** a + b. */
  public Ciphertext add(Ciphertext a, Ciphertext b) {
    checkAddable(a.parameters(), a.level(), a.scale(), b.parameters(), b.level(), b.scale());
    int size = Math.max(a.size(), b.size());
    RnsPoly[] parts = new RnsPoly[size];
    int limbs = a.level() + 1;
    for (int p = 0; p < size; p++) {
      if (p >= a.size()) {
        parts[p] = b.part(p).copy();
      } else if (p >= b.size()) {
        parts[p] = a.part(p).copy();
      } else {
        parts[p] = RnsPoly.zero(limbs, params.n());
        PolyArithmetic.add(params, a.part(p), b.part(p), limbs, parts[p]);
      }
    }
    return new Ciphertext(params, parts, a.level(), a.scale());
  }

  /** a - b. */
  public Ciphertext subtract(Ciphertext a, Ciphertext b) {
    return add(a, negate(b));
  }

  /** -a. */
  public Ciphertext negate(Ciphertext a) {
    checkParameters(a.parameters(), "ciphertext");
    RnsPoly[] parts = new RnsPoly[a.size()];
    int limbs = a.level() + 1;
    for (int p = 0; p < parts.length; p++) {
      parts[p] = RnsPoly.zero(limbs, params.n());
      PolyArithmetic.negate(params, a.part(p), limbs, parts[p]);
    }
    return new Ciphertext(params, parts, a.level(), a.scale());
  }

  /** a + plain. */
  public Ciphertext addPlain(Ciphertext a, Plaintext plain) {
    checkAddable(a.parameters(), a.level(), a.scale(), plain.parameters(), plain.level(), plain.scale());
    RnsPoly[] parts = copyParts(a);
    PolyArithmetic.add(params, parts[0], plain.poly(), a.level() + 1, parts[0]);
    return new Ciphertext(params, parts, a.level(), a.scale());
  }

  /** a * plain; the scales multiply. */
  public Ciphertext multiplyPlain(Ciphertext a, Plaintext plain) {
    checkParameters(a.parameters(), "ciphertext");
    checkParameters(plain.parameters(), "plaintext");
    checkLevels(a.level(), plain.level());
    RnsPoly[] parts = new RnsPoly[a.size()];
    int limbs = a.level() + 1;
    for (int p = 0; p < parts.length; p++) {
      parts[p] = RnsPoly.zero(limbs, params.n());
      PolyArithmetic.multiply(params, a.part(p), plain.poly(), limbs, parts[p]);
    }
    return new Ciphertext(params, parts, a.level(), a.scale() * plain.scale());
  }

  /**
   * sum_j factors[j] * inputs[j], each factor the same integer in every slot (a weight w times a chosen factor scale,
   * rounded by the caller): the dense layer of a throughput-packed network without encoding a plaintext per weight.
   * The result's scale is the inputs' scale times {@code factorScale}, the scale the caller rounded the weights at.
   *
   * @param inputs  size-2 ciphertexts of one level and scale, at least one; not modified
   * @param factors one signed integer per input, |factor| below 2^62; not modified
   */
  public Ciphertext multiplyIntegersAndSum(Ciphertext[] inputs, long[] factors, double factorScale) {
    if (inputs.length == 0 || inputs.length != factors.length) {
      throw new IllegalArgumentException("need one factor per input and at least one input, got " + inputs.length
          + " inputs and " + factors.length + " factors");
    }
    if (!(factorScale >= 1) || Double.isInfinite(factorScale)) {
      throw new IllegalArgumentException("factor scale must be a finite value >= 1, got " + factorScale);
    }
    Ciphertext first = inputs[0];
    for (Ciphertext c : inputs) {
      checkAddable(first.parameters(), first.level(), first.scale(), c.parameters(), c.level(), c.scale());
      if (c.size() != 2) {
        throw new IllegalArgumentException("multiplyIntegersAndSum needs size-2 ciphertexts, got size " + c.size()
            + ": relinearize first");
      }
    }
    int limbs = first.level() + 1;
    RnsPoly[] parts = new RnsPoly[2];
    for (int p = 0; p < 2; p++) {
      parts[p] = new RnsPoly(ConstantArithmetic.dotLimbs(params, inputs, factors, p, limbs));
    }
    return new Ciphertext(params, parts, first.level(), first.scale() * factorScale);
  }

  /**
   * a + value in every slot, the value encoded at a's own scale (rounded to an integer there).
   *
   * @throws IllegalArgumentException if value * scale does not fit 62 bits
   */
  public Ciphertext addConstant(Ciphertext a, double value) {
    checkParameters(a.parameters(), "ciphertext");
    double scaled = Math.rint(value * a.scale());
    if (!(Math.abs(scaled) < Math.scalb(1.0, 62))) {
      throw new IllegalArgumentException("constant " + value + " times scale 2^" + Math.log(a.scale()) / Math.log(2)
          + " does not fit 62 bits");
    }
    RnsPoly[] parts = copyParts(a);
    ConstantArithmetic.addInteger(params, parts[0], (long) scaled, a.level() + 1);
    return new Ciphertext(params, parts, a.level(), a.scale());
  }

  /** a * b as a size-3 ciphertext (relinearise next); the scales multiply. */
  public Ciphertext multiply(Ciphertext a, Ciphertext b) {
    checkParameters(a.parameters(), "first ciphertext");
    checkParameters(b.parameters(), "second ciphertext");
    checkLevels(a.level(), b.level());
    if (a.size() != 2 || b.size() != 2) {
      throw new IllegalArgumentException("multiply needs size-2 ciphertexts, got sizes " + a.size() + " and "
          + b.size() + ": relinearize first");
    }
    int limbs = a.level() + 1;
    int n = params.n();
    RnsPoly d0 = RnsPoly.zero(limbs, n);
    RnsPoly d1 = RnsPoly.zero(limbs, n);
    RnsPoly d2 = RnsPoly.zero(limbs, n);
    for (int i = 0; i < limbs; i++) {
      Modulus m = params.modulus(i);
      long[] a0 = a.part(0).limbs[i];
      long[] a1 = a.part(1).limbs[i];
      long[] b0 = b.part(0).limbs[i];
      long[] b1 = b.part(1).limbs[i];
      long[] r0 = d0.limbs[i];
      long[] r1 = d1.limbs[i];
      long[] r2 = d2.limbs[i];
      for (int k = 0; k < n; k++) {
        r0[k] = m.mul(a0[k], b0[k]);
        r1[k] = m.add(m.mul(a0[k], b1[k]), m.mul(a1[k], b0[k]));
        r2[k] = m.mul(a1[k], b1[k]);
      }
    }
    return new Ciphertext(params, new RnsPoly[] {d0, d1, d2}, a.level(), a.scale() * b.scale());
  }

  /** A size-3 ciphertext back to size 2 with the relinearisation key. */
  public Ciphertext relinearize(Ciphertext a, KeySwitchKey relinearizationKey) {
    checkParameters(a.parameters(), "ciphertext");
    checkParameters(relinearizationKey.parameters(), "relinearization key");
    if (relinearizationKey.galoisElement() != 0) {
      throw new IllegalArgumentException("key for Galois element " + relinearizationKey.galoisElement()
          + " is a rotation key, not the relinearization key");
    }
    if (a.size() != 3) {
      throw new IllegalArgumentException("relinearize needs a size-3 ciphertext, got size " + a.size());
    }
    RnsPoly[] switched = KeySwitcher.switchKey(params, a.part(2), relinearizationKey, a.level(), a.part(0),
        a.part(1));
    return new Ciphertext(params, switched, a.level(), a.scale());
  }

  /**
   * Divides by the last prime q_l with rounding and drops it: the level falls by one and the scale becomes
   * scale / q_l (about Delta again after a multiplication by Delta-scaled values).
   */
  public Ciphertext rescale(Ciphertext a) {
    checkParameters(a.parameters(), "ciphertext");
    int level = a.level();
    if (level == 0) {
      throw new IllegalArgumentException("cannot rescale at level 0: no prime left to drop");
    }
    RnsPoly[] parts = new RnsPoly[a.size()];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = Rescaler.divideByLastPrime(params, a.part(p), level);
    }
    return new Ciphertext(params, parts, level - 1, a.scale() / params.modulus(level).value());
  }

  /** Drops primes without dividing (modulus switching): same message and scale at a lower level. */
  public Ciphertext dropToLevel(Ciphertext a, int level) {
    checkParameters(a.parameters(), "ciphertext");
    if (level < 0 || level > a.level()) {
      throw new IllegalArgumentException("cannot drop from level " + a.level() + " to level " + level);
    }
    RnsPoly[] parts = new RnsPoly[a.size()];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = a.part(p).firstLimbs(level + 1);
    }
    return new Ciphertext(params, parts, level, a.scale());
  }

  /** Rotates the slots left by {@code step} (negative: right); needs the matching Galois key. */
  public Ciphertext rotate(Ciphertext a, int step, GaloisKeys keys) {
    int element = Automorphisms.rotationElement(params, step);
    return applyGalois(a, keys, element, "rotation by " + step);
  }

  /**
   * Rotations of one ciphertext by several steps with the decomposition of c_1 hoisted (design note §5.3): the
   * digits are lifted and transformed once, so each extra rotation costs its key's multiply-accumulate and a
   * mod-down instead of a whole key switch. Element i of the result is {@code a} rotated by {@code steps[i]}; the
   * values equal {@link #rotate}'s up to key-switching noise (the residues differ).
   */
  public Ciphertext[] rotateHoisted(Ciphertext a, int[] steps, GaloisKeys keys) {
    checkParameters(a.parameters(), "ciphertext");
    checkParameters(keys.parameters(), "Galois keys");
    if (a.size() != 2) {
      throw new IllegalArgumentException("rotation needs a size-2 ciphertext, got size " + a.size()
          + ": relinearize first");
    }
    KeySwitchKey[] stepKeys = new KeySwitchKey[steps.length];
    for (int i = 0; i < steps.length; i++) {
      stepKeys[i] = keys.forElement(Automorphisms.rotationElement(params, steps[i]), "rotation by " + steps[i]);
    }
    int limbs = a.level() + 1;
    long[][][] digits = KeySwitcher.decompose(params, a.part(1), a.level());
    Ciphertext[] out = new Ciphertext[steps.length];
    for (int i = 0; i < steps.length; i++) {
      int[] permutation = Automorphisms.nttPermutation(params.logN(), stepKeys[i].galoisElement());
      RnsPoly c0 = Automorphisms.apply(a.part(0), limbs, permutation);
      RnsPoly[] switched = KeySwitcher.switchDecomposed(params, digits, permutation, stepKeys[i], a.level(), c0,
          null);
      out[i] = new Ciphertext(params, switched, a.level(), a.scale());
    }
    return out;
  }

  /** Complex-conjugates every slot; needs the conjugation key. */
  public Ciphertext conjugate(Ciphertext a, GaloisKeys keys) {
    return applyGalois(a, keys, Automorphisms.conjugationElement(params), "conjugation");
  }

  private Ciphertext applyGalois(Ciphertext a, GaloisKeys keys, int element, String what) {
    checkParameters(a.parameters(), "ciphertext");
    checkParameters(keys.parameters(), "Galois keys");
    if (a.size() != 2) {
      throw new IllegalArgumentException(what + " needs a size-2 ciphertext, got size " + a.size()
          + ": relinearize first");
    }
    KeySwitchKey key = keys.forElement(element, what);
    int limbs = a.level() + 1;
    int[] permutation = Automorphisms.nttPermutation(params.logN(), element);
    RnsPoly c0 = Automorphisms.apply(a.part(0), limbs, permutation);
    RnsPoly c1 = Automorphisms.apply(a.part(1), limbs, permutation);
    RnsPoly[] switched = KeySwitcher.switchKey(params, c1, key, a.level(), c0, null);
    return new Ciphertext(params, switched, a.level(), a.scale());
  }

  private RnsPoly[] copyParts(Ciphertext a) {
    RnsPoly[] parts = new RnsPoly[a.size()];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = a.part(p).copy();
    }
    return parts;
  }

  private void checkParameters(CkksParameters other, String what) {
    if (!other.sameAs(params)) {
      throw new IllegalArgumentException(what + " belongs to parameters " + other + ", evaluator to " + params);
    }
  }

  private static void checkLevels(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("level mismatch: " + a + " vs " + b
          + "; rescale or dropToLevel the higher operand first");
    }
  }

  private void checkAddable(CkksParameters pa, int levelA, double scaleA, CkksParameters pb, int levelB,
      double scaleB) {
    checkParameters(pa, "first operand");
    checkParameters(pb, "second operand");
    checkLevels(levelA, levelB);
    if (Math.abs(scaleA - scaleB) > SCALE_TOLERANCE * Math.max(scaleA, scaleB)) {
      throw new IllegalArgumentException(String.format("scale mismatch: 2^%.6f vs 2^%.6f; encode or rescale to the "
          + "same scale first", Math.log(scaleA) / Math.log(2), Math.log(scaleB) / Math.log(2)));
    }
  }
}
