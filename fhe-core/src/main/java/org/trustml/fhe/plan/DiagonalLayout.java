package org.trustml.fhe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How one dense layer runs on a single image packed in the slots (latency packing, design note §5.5.2-3): the input
 * vector is replicated with period {@code inPeriod} (its width rounded up to a power of two) over all slots, the
 * output comes out replicated with period {@code outPeriod}, so layers chain without repacking.
 *
 * <p>With D = min(inPeriod, outPeriod) generalised diagonals d_k[t] = W[t mod outPeriod][(t + k) mod inPeriod]
 * (zero outside W), z = sum_k d_k * rot(x, k) holds, in slot t, row t mod outPeriod's products with the columns
 * t .. t + D - 1; when the layer narrows, log2(inPeriod / outPeriod) rotate-and-sum steps by outPeriod, 2 outPeriod,
 * ... add the remaining columns. The diagonal sum runs baby-step giant-step: k = j g + i,
 * z = sum_j rot(sum_i rot(d_k, -j g) * rot(x, i), j g), with the baby rotations of x hoisted. Diagonals that are zero
 * everywhere are skipped, and so are the rotations only they would need.
 *
 * @param inPeriod  the input's period: its width rounded up to a power of two
 * @param outPeriod the output's period: the layer's width rounded up to a power of two
 * @param babyStep  g, a power of two near sqrt(D)
 * @param diagonals the indices k in [0, D) whose diagonal has a nonzero weight, ascending
 */
record DiagonalLayout(int inPeriod, int outPeriod, int babyStep, int[] diagonals) {

  /** The layout of {@code weights} ({@code [out][in]}) for an input replicated with period {@code inPeriod}. */
  static DiagonalLayout of(double[][] weights, int inPeriod) {
    int outPeriod = Integer.highestOneBit(Math.max(1, 2 * weights.length - 1));
    int count = Math.min(inPeriod, outPeriod);
    int babyStep = 1 << ((Integer.numberOfTrailingZeros(count) + 1) / 2);
    List<Integer> used = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (nonZero(weights, inPeriod, outPeriod, k)) {
        used.add(k);
      }
    }
    if (used.isEmpty()) {
      used.add(0); // an all-zero layer still yields an (encrypted) zero, plus its bias
    }
    return new DiagonalLayout(inPeriod, outPeriod, babyStep, used.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The number of diagonals, used or not: min(inPeriod, outPeriod). */
  int count() {
    return Math.min(inPeriod, outPeriod);
  }

  /**
   * Diagonal k of {@code weights} over {@code slots} slots, pre-rotated right by its giant step j g so that the giant
   * rotation can be applied after the products.
   */
  double[] rotatedDiagonal(double[][] weights, int k, int slots) {
    int shift = k - k % babyStep;
    double[] out = new double[slots];
    for (int t = 0; t < slots; t++) {
      int source = Math.floorMod(t - shift, slots);
      out[t] = weight(weights, source % outPeriod, (source + k) % inPeriod);
    }
    return out;
  }

  /** The baby steps i in [1, g) that some used diagonal needs. */
  int[] babySteps() {
    TreeSet<Integer> steps = new TreeSet<>();
    for (int k : diagonals) {
      if (k % babyStep != 0) {
        steps.add(k % babyStep);
      }
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The giant steps j g > 0 that some used diagonal needs. */
  int[] giantSteps() {
    TreeSet<Integer> steps = new TreeSet<>();
    for (int k : diagonals) {
      if (k >= babyStep) {
        steps.add(k - k % babyStep);
      }
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The rotate-and-sum steps outPeriod, 2 outPeriod, ... below inPeriod; none when the layer does not narrow. */
  int[] foldSteps() {
    List<Integer> steps = new ArrayList<>();
    for (int s = outPeriod; s < inPeriod; s *= 2) {
      steps.add(s);
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Every rotation step the layer uses. */
  int[] rotationSteps() {
    TreeSet<Integer> steps = new TreeSet<>();
    for (int[] group : List.of(babySteps(), giantSteps(), foldSteps())) {
      for (int s : group) {
        steps.add(s);
      }
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Rotations of one evaluation: the hoisted baby steps, one per giant step, one per fold. */
  int rotations() {
    return babySteps().length + giantSteps().length + foldSteps().length;
  }

  private static boolean nonZero(double[][] weights, int inPeriod, int outPeriod, int k) {
    int period = Math.max(inPeriod, outPeriod);
    for (int t = 0; t < period; t++) {
      if (weight(weights, t % outPeriod, (t + k) % inPeriod) != 0) {
        return true;
      }
    }
    return false;
  }

  private static double weight(double[][] weights, int row, int column) {
    return row < weights.length && column < weights[row].length ? weights[row][column] : 0;
  }
}
