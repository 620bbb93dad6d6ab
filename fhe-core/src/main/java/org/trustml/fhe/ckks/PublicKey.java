package org.trustml.fhe.ckks;

/** (b, a) = (-a s + e, a) over the data primes; a is expanded from {@code seed}, so only b and the seed are stored. */
public final class PublicKey {

  static final String DOMAIN = "public-key-a";

  private final CkksParameters params;
  private final byte[] seed;
  private final RnsPoly b;
  private final RnsPoly a;

  PublicKey(CkksParameters params, byte[] seed, RnsPoly b) {
    this.params = params;
    this.seed = seed.clone();
    this.b = b;
    this.a = Sampler.uniformPoly(params, seed, DOMAIN, 0, PolyArithmetic.dataIndices(params.maxLevel()));
  }

  /** The parameter set of this key. */
  public CkksParameters parameters() {
    return params;
  }

  byte[] seed() {
    return seed.clone();
  }

  RnsPoly b() {
    return b;
  }

  RnsPoly a() {
    return a;
  }
}
