package org.trustml.fhe.ckks;

/** Parameter sets shared by the tests, built once (prime search and NTT tables take a moment). */
final class TestParameters {

  private static CkksParameters small;
  private static CkksParameters threeLevels;

  private TestParameters() {}

  /** N = 2^12, primes [40, 34] + special 35 = 109 bits (the 128-bit maximum), scale 2^30: one level. */
  static synchronized CkksParameters small() {
    if (small == null) {
      small = new CkksParameters(12, new int[] {40, 34}, 35, 30);
    }
    return small;
  }

  /**
   * N = 2^13, primes [48, 40, 40, 40] + special 50 = 218 bits (the 128-bit maximum), scale 2^40: 3 levels; the special
   * prime is the largest, which keeps key-switching noise small.
   */
  static synchronized CkksParameters threeLevels() {
    if (threeLevels == null) {
      threeLevels = new CkksParameters(13, new int[] {48, 40, 40, 40}, 50, 40);
    }
    return threeLevels;
  }
}
