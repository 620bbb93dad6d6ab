package org.trustml.fhe.ckks;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Rotation (and conjugation) keys, one {@link KeySwitchKey} per Galois element. */
public final class GaloisKeys {

  private final CkksParameters params;
  private final Map<Integer, KeySwitchKey> keys;

  GaloisKeys(CkksParameters params, Map<Integer, KeySwitchKey> keys) {
    this.params = params;
    this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /** The parameter set of these keys. */
  public CkksParameters parameters() {
    return params;
  }

  /** Keys by Galois element, ascending. */
  public Map<Integer, KeySwitchKey> byElement() {
    return keys;
  }

  /** Whether a rotation by {@code step} slots (negative: right) is possible. */
  public boolean hasRotation(int step) {
    return keys.containsKey(Automorphisms.rotationElement(params, step));
  }

  /**
   * The rotation steps these keys allow, as left rotations in 1..N/2 - 1 (a right rotation by r is the left rotation
   * by N/2 - r), ascending; the conjugation key is not a rotation and is reported by {@link #hasConjugation()}.
   */
  public java.util.List<Integer> rotationSteps() {
    java.util.List<Integer> steps = new java.util.ArrayList<>();
    long element = 1;
    long twoN = 2L * params.n();
    for (int k = 0; k < params.slots(); k++) {
      if (k > 0 && keys.containsKey((int) element)) {
        steps.add(k);
      }
      element = element * 5 % twoN;
    }
    return steps;
  }

  /** Whether the conjugation key is present. */
  public boolean hasConjugation() {
    return keys.containsKey(Automorphisms.conjugationElement(params));
  }

  KeySwitchKey forElement(int galoisElement, String what) {
    KeySwitchKey key = keys.get(galoisElement);
    if (key == null) {
      throw new IllegalArgumentException("no Galois key for " + what + " (Galois element " + galoisElement
          + "); generate it with KeyGenerator.galoisKeys");
    }
    return key;
  }
}
