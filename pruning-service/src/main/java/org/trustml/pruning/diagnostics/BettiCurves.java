package org.trustml.pruning.diagnostics;

import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PersistencePairs;

/**
 * Betti numbers of the Vietoris–Rips complex as functions of the scale, read off a persistence diagram: β_d(ε) is
 * the number of bars of dimension d alive at ε, birth ≤ ε < death (the complex at ε holds every edge of length
 * ≤ ε, so a component merged by an edge of length ε is gone at ε). Essential bars count at every ε ≥ birth.
 *
 * @param radii the grid of scales ε, ascending
 * @param beta0 β0 at each radius
 * @param beta1 β1 at each radius
 */
public record BettiCurves(double[] radii, int[] beta0, int[] beta1) {

  /**
   * The curves on {@code points} evenly spaced radii from 0 to the largest finite death of either dimension (both
   * included; all radii 0 when no bar dies).
   */
  public static BettiCurves of(PersistenceDiagram diagram, int points) {
    double top = Math.max(largestFiniteDeath(diagram.h0()), largestFiniteDeath(diagram.h1()));
    double[] radii = grid(top, points);
    PersistencePairs h0 = diagram.h0();
    PersistencePairs h1 = diagram.h1();
    return new BettiCurves(radii, count(h0.births(), h0.deaths(), radii), count(h1.births(), h1.deaths(), radii));
  }

  /** {@code points} ≥ 2 evenly spaced values from 0 to {@code top}, both included. */
  public static double[] grid(double top, int points) {
    if (points < 2) {
      throw new IllegalArgumentException("a grid needs at least 2 points, got " + points);
    }
    double[] r = new double[points];
    for (int k = 0; k < points; k++) {
      r[k] = top * k / (points - 1);
    }
    r[points - 1] = top; // exactly the largest death, whatever the rounding of top·k/(points−1)
    return r;
  }

  /** For each radius ε, the number of bars with birth ≤ ε < death. */
  public static int[] count(double[] births, double[] deaths, double[] radii) {
    if (births.length != deaths.length) {
      throw new IllegalArgumentException(births.length + " births and " + deaths.length + " deaths");
    }
    int[] beta = new int[radii.length];
    for (int k = 0; k < radii.length; k++) {
      int alive = 0;
      for (int b = 0; b < births.length; b++) {
        if (births[b] <= radii[k] && radii[k] < deaths[b]) {
          alive++;
        }
      }
      beta[k] = alive;
    }
    return beta;
  }

  /** The largest death that is not +∞, or 0. */
  static double largestFiniteDeath(PersistencePairs pairs) {
    double top = 0;
    for (int k = 0; k < pairs.size(); k++) {
      if (!pairs.isEssential(k)) {
        top = Math.max(top, pairs.death(k));
      }
    }
    return top;
  }
}
