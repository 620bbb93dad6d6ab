package org.trustml.fhe.dct;

/**
 * The orthonormal F x F two-dimensional DCT-II of one block, C = T B T^T, with T[0][j] = 1/sqrt(F) and
 * T[i][j] = sqrt(2/F) cos((2j + 1) i pi / (2F)) (design note §3). T is orthogonal, so the inverse is B = T^T C T and
 * the transform preserves energy. For F = 8 this is exactly JPEG's C(u) C(v) / 4 scaling. Blocks are row-major
 * double[F * F]; C[u * F + v] is the coefficient of vertical frequency u and horizontal frequency v. Immutable.
 */
public final class BlockDct {

  private final int f;
  private final double[] t; // T, row-major

  /** The transform for blocks of {@code f} x {@code f} pixels, f >= 1. */
  public BlockDct(int f) {
    if (f < 1) {
      throw new IllegalArgumentException("block size must be at least 1, got " + f);
    }
    this.f = f;
    this.t = new double[f * f];
    for (int i = 0; i < f; i++) {
      double scale = i == 0 ? Math.sqrt(1.0 / f) : Math.sqrt(2.0 / f);
      for (int j = 0; j < f; j++) {
        t[i * f + j] = scale * Math.cos((2 * j + 1) * i * Math.PI / (2.0 * f));
      }
    }
  }

  /** The block size F. */
  public int size() {
    return f;
  }

  /** T[i][j]. */
  public double basis(int i, int j) {
    return t[i * f + j];
  }

  /** C = T B T^T; {@code block} is not modified, {@code out} (F * F) is overwritten. */
  public void forward(double[] block, double[] out) {
    transform(block, out, false);
  }

  /** B = T^T C T; {@code coefficients} is not modified, {@code out} (F * F) is overwritten. */
  public void inverse(double[] coefficients, double[] out) {
    transform(coefficients, out, true);
  }

  private void transform(double[] in, double[] out, boolean transposed) {
    // two passes of F^3 each: rows of M = T' X, then M T'^T, with T' = T (forward) or T^T (inverse)
    double[] m = new double[f * f];
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        double s = 0;
        for (int k = 0; k < f; k++) {
          s += matrix(i, k, transposed) * in[k * f + j];
        }
        m[i * f + j] = s;
      }
    }
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        double s = 0;
        for (int k = 0; k < f; k++) {
          s += m[i * f + k] * matrix(j, k, transposed);
        }
        out[i * f + j] = s;
      }
    }
  }

  private double matrix(int i, int j, boolean transposed) {
    return transposed ? t[j * f + i] : t[i * f + j];
  }
}
