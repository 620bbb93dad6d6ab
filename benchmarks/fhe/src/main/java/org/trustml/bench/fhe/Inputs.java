package org.trustml.bench.fhe;

/** The agreement check's inputs, computed by the same formula in seal-bench.js. */
final class Inputs {

  private Inputs() {}

  static double[] vector(int slots, int a, int m) {
    double[] v = new double[slots];
    for (int k = 0; k < slots; k++) {
      v[k] = (double) ((long) k * a % m) / m - 0.5;
    }
    return v;
  }

  static double[] x(int slots) {
    return vector(slots, 37, 101);
  }

  static double[] y(int slots) {
    return vector(slots, 53, 97);
  }

  static double[] z(int slots) {
    return vector(slots, 29, 89);
  }

  /** rotate(x * y + z, 1) on plain doubles. */
  static double[] expected(int slots) {
    double[] x = x(slots);
    double[] y = y(slots);
    double[] z = z(slots);
    double[] out = new double[slots];
    for (int j = 0; j < slots; j++) {
      int k = (j + 1) % slots;
      out[j] = x[k] * y[k] + z[k];
    }
    return out;
  }
}
