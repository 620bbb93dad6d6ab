package org.trustml.fhe.ckks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised key switching and rescaling (lazy reduction, Shoup products, branch-free rounding) give exactly the
 * residues of the plain algorithms in {@link ReferenceRnsOps}, on random polynomials at every level and for prime
 * chains that take each lifting path (a digit prime above and below four times the target, a special prime above
 * and below twice a data prime).
 */
class FastRnsOpsTest {

  private final SplittableRandom random = new SplittableRandom(345);

  private RnsPoly randomPoly(CkksParameters params, int limbs) {
    long[][] rows = new long[limbs][params.n()];
    for (int i = 0; i < limbs; i++) {
      long q = params.modulus(i).value();
      for (int k = 0; k < rows[i].length; k++) {
        rows[i][k] = random.nextLong(q);
      }
    }
    return new RnsPoly(rows);
  }

  private static CkksParameters[] chains() {
    return new CkksParameters[] {TestParameters.small(), TestParameters.threeLevels(),
        new CkksParameters(13, new int[] {30, 25, 50}, 26, 20), // the special prime below the largest
        new CkksParameters(12, new int[] {36, 20, 24}, 22, 10)};
  }

  @Test
  void keySwitchingMatchesTheReferenceExactlyAtEveryLevel() {
    for (CkksParameters params : chains()) {
      KeyGenerator generator = new KeyGenerator(params, new byte[32]);
      KeySwitchKey relin = generator.relinearizationKey();
      KeySwitchKey rotation = generator.galoisKeys(new int[] {3}, false).byElement().values().iterator().next();
      for (int level = 0; level <= params.maxLevel(); level++) {
        RnsPoly d = randomPoly(params, level + 1);
        for (KeySwitchKey key : new KeySwitchKey[] {relin, rotation}) {
          RnsPoly[] fast = KeySwitcher.switchKey(params, d, key, level, null, null);
          RnsPoly[] reference = ReferenceRnsOps.switchKey(params, d, key, level);
          for (int c = 0; c < 2; c++) {
            for (int i = 0; i <= level; i++) {
              assertThat(fast[c].limbs[i]).as("%s level %d part %d limb %d", params, level, c, i)
                  .containsExactly(reference[c].limbs[i]);
            }
          }
        }
      }
    }
  }

  @Test
  void theHoistedHalvesWithoutAPermutationAreTheStreamingKeySwitch() {
    for (CkksParameters params : chains()) {
      KeySwitchKey relin = new KeyGenerator(params, new byte[32]).relinearizationKey();
      int level = params.maxLevel();
      RnsPoly d = randomPoly(params, level + 1);
      RnsPoly[] streaming = KeySwitcher.switchKey(params, d, relin, level, null, null);
      RnsPoly[] hoisted = KeySwitcher.switchDecomposed(params, KeySwitcher.decompose(params, d, level), null, relin,
          level, null, null);
      for (int c = 0; c < 2; c++) {
        for (int i = 0; i <= level; i++) {
          assertThat(hoisted[c].limbs[i]).as("%s part %d limb %d", params, c, i).containsExactly(streaming[c].limbs[i]);
        }
      }
    }
  }

  @Test
  void keySwitchingAddsTheAddendsModuloEachPrime() {
    CkksParameters params = TestParameters.threeLevels();
    KeySwitchKey relin = new KeyGenerator(params, new byte[32]).relinearizationKey();
    int level = params.maxLevel();
    RnsPoly d = randomPoly(params, level + 1);
    RnsPoly add0 = randomPoly(params, level + 1);
    RnsPoly add1 = randomPoly(params, level + 1);
    RnsPoly[] plain = KeySwitcher.switchKey(params, d, relin, level, null, null);
    RnsPoly[] added = KeySwitcher.switchKey(params, d, relin, level, add0, add1);
    RnsPoly expected0 = RnsPoly.zero(level + 1, params.n());
    RnsPoly expected1 = RnsPoly.zero(level + 1, params.n());
    PolyArithmetic.add(params, plain[0], add0, level + 1, expected0);
    PolyArithmetic.add(params, plain[1], add1, level + 1, expected1);
    for (int i = 0; i <= level; i++) {
      assertThat(added[0].limbs[i]).containsExactly(expected0.limbs[i]);
      assertThat(added[1].limbs[i]).containsExactly(expected1.limbs[i]);
    }
  }

  @Test
  void rescalingMatchesTheReferenceExactlyAtEveryLevel() {
    for (CkksParameters params : chains()) {
      for (int level = 1; level <= params.maxLevel(); level++) {
        RnsPoly poly = randomPoly(params, level + 1);
        RnsPoly fast = Rescaler.divideByLastPrime(params, poly, level);
        RnsPoly reference = ReferenceRnsOps.rescale(params, poly, level);
        for (int i = 0; i < level; i++) {
          assertThat(fast.limbs[i]).as("%s level %d limb %d", params, level, i).containsExactly(reference.limbs[i]);
        }
      }
    }
  }
}
