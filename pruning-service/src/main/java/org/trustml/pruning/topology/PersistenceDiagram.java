package org.trustml.pruning.topology;

/**
 * Vietoris–Rips persistence of one point set in dimensions 0 and (optionally) 1, as Ripser reports it:
 * zero-persistence pairs are left out, essential classes have death +∞.
 *
 * @param h0        connected components; one essential pair per component left at the threshold
 * @param h1        cycles; empty when only dimension 0 was asked for
 * @param threshold the largest filtration value (edge length) that was included
 */
public record PersistenceDiagram(PersistencePairs h0, PersistencePairs h1, double threshold) {

  /** The pairs of homology dimension 0 or 1. */
  public PersistencePairs dimension(int d) {
    if (d == 0) {
      return h0;
    }
    if (d == 1) {
      return h1;
    }
    throw new IllegalArgumentException("dimensions 0 and 1 are computed, asked for " + d);
  }
}
