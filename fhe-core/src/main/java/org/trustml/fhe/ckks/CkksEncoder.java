package org.trustml.fhe.ckks;

/**
 * Encodes up to N/2 complex (or real) slot values into a plaintext polynomial, m = round(Delta * tau^{-1}(z)), and
 * decodes back. Thread-safe.
 */
public final class CkksEncoder {

  // rounding Delta * u must stay exact in a long and far from the overflow of the residue reduction
  private static final double MAX_COEFFICIENT = Math.scalb(1.0, 62);

  private final CkksParameters params;
  private final CanonicalEmbedding embedding;

  /** An encoder for one parameter set. */
  public CkksEncoder(CkksParameters params) {
    this.params = params;
    this.embedding = new CanonicalEmbedding(params.logN());
  }

  /** The parameters this encoder encodes for. */
  public CkksParameters parameters() {
    return params;
  }

  /** Real values (not modified; at most N/2, the rest zero) at the top level and the default scale. */
  public Plaintext encode(double[] values) {
    return encode(values, params.maxLevel(), params.defaultScale());
  }

  /** Real values (not modified) at the given level and scale. */
  public Plaintext encode(double[] values, int level, double scale) {
    return encodeComplex(values, new double[values.length], level, scale);
  }

  /** Complex values given as real and imaginary parts (not modified). */
  public Plaintext encodeComplex(double[] re, double[] im, int level, double scale) {
    int slots = params.slots();
    if (re.length > slots || im.length != re.length) {
      throw new IllegalArgumentException("need at most " + slots + " values with matching real and imaginary parts, got "
          + re.length + " and " + im.length);
    }
    if (level < 0 || level > params.maxLevel()) {
      throw new IllegalArgumentException("level " + level + " outside 0.." + params.maxLevel());
    }
    if (!(scale >= 1) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a finite value >= 1, got " + scale);
    }
    double[] uRe = new double[slots];
    double[] uIm = new double[slots];
    System.arraycopy(re, 0, uRe, 0, re.length);
    System.arraycopy(im, 0, uIm, 0, im.length);
    embedding.inverse(uRe, uIm);
    long[] coefficients = new long[params.n()];
    for (int k = 0; k < slots; k++) {
      coefficients[k] = scaled(uRe[k], scale);
      coefficients[k + slots] = scaled(uIm[k], scale);
    }
    RnsPoly poly = PolyArithmetic.fromSmall(params, coefficients, PolyArithmetic.dataIndices(level));
    return new Plaintext(params, poly, level, scale);
  }

  private static long scaled(double value, double scale) {
    double v = Math.rint(value * scale);
    if (!(Math.abs(v) < MAX_COEFFICIENT)) {
      throw new IllegalArgumentException("value " + value + " times scale " + scale
          + " does not fit 62 bits: lower the scale or the inputs");
    }
    return (long) v;
  }

  /** Real parts of all N/2 slots. */
  public double[] decode(Plaintext plaintext) {
    return decodeComplex(plaintext)[0];
  }

  /** Real and imaginary parts of all N/2 slots: {@code [re, im]}. */
  public double[][] decodeComplex(Plaintext plaintext) {
    if (!plaintext.parameters().sameAs(params)) {
      throw new IllegalArgumentException("plaintext belongs to parameters " + plaintext.parameters()
          + ", encoder to " + params);
    }
    int level = plaintext.level();
    long[][] rows = new long[level + 1][];
    for (int i = 0; i <= level; i++) {
      rows[i] = plaintext.poly().limbs[i].clone();
      params.ntt(i).inverse(rows[i]);
    }
    double[] coefficients = RnsComposer.centred(params, rows, level);
    int slots = params.slots();
    double[] re = new double[slots];
    double[] im = new double[slots];
    double scale = plaintext.scale();
    for (int k = 0; k < slots; k++) {
      re[k] = coefficients[k] / scale;
      im[k] = coefficients[k + slots] / scale;
    }
    embedding.forward(re, im);
    return new double[][] {re, im};
  }
}
