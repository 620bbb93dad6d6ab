package org.trustml.core.plot;

/**
 * A linear map from data values [lo, hi] to pixels [from, to] (to may be below from, as a y axis runs upwards). A
 * zero-width range is widened around its value so that one point still lands in the middle.
 */
record Axis(double lo, double hi, int from, int to) {

  Axis {
    if (!(hi > lo)) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.5;
      hi = lo + pad;
      lo = lo - pad;
    }
  }

  /** The pixel of value v (not clamped). */
  int pixel(double v) {
    return (int) Math.round(from + (v - lo) / (hi - lo) * (to - from));
  }

  /** About {@code count} round tick values inside [lo, hi] (steps of 1, 2 or 5 times a power of ten). */
  double[] ticks(int count) {
    double raw = (hi - lo) / Math.max(1, count);
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
        : 10 * power;
    double first = Math.ceil(lo / step) * step;
    int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
    double[] t = new double[Math.max(0, n)];
    for (int i = 0; i < t.length; i++) {
      t[i] = first + i * step;
    }
    return t;
  }
}
