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

  KeySwitchKey forElement(int galoisElement, String what) {
    KeySwitchKey key = keys.get(galoisElement);
    if (key == null) {
      throw new IllegalArgumentException("no Galois key for " + what + " (Galois element " + galoisElement
          + "); generate it with KeyGenerator.galoisKeys");
    }
    return key;
  }
}
