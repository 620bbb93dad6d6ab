package org.trustml.pruning.baseline;

/** Small dense-vector helpers on float rows, summed in double. */
final class Vectors {

  private Vectors() {}

  /** ‖a − b‖². */
  static double squaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = (double) a[k] - b[k];
      s += d * d;
    }
    return s;
  }

  /** ‖a − b‖² with b in double. */
  static double squaredDistance(float[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s += d * d;
    }
    return s;
  }
}
