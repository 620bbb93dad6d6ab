package org.trustml.fhe.keys;

import org.trustml.fhe.ckks.CkksParameters;
import org.trustml.fhe.ckks.GaloisKeys;
import org.trustml.fhe.ckks.KeySwitchKey;

/**
 * A key set parsed for computing: the parameters and the keys an evaluation uses. Evaluation keys only; nothing here
 * can decrypt.
 *
 * @param galoisKeys null when the set has none
 */
public record EvaluationKeys(KeySet keySet, CkksParameters parameters, KeySwitchKey relinearizationKey,
    GaloisKeys galoisKeys) {}
