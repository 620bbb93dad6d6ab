package org.trustml.pruning.topology;

/**
 * Upstream gradients of a loss with respect to the births and deaths of one dimension's pairs, index-aligned with
 * {@link PersistencePairs}. Entries for constant values (H0 births, essential deaths) are ignored.
 *
 * @param dBirth dL/dbirth per pair (not modified)
 * @param dDeath dL/ddeath per pair (not modified)
 */
public record PairGradients(double[] dBirth, double[] dDeath) {

  /** Checks that both arrays have one entry per pair. */
  public PairGradients {
    if (dBirth.length != dDeath.length) {
      throw new IllegalArgumentException("dBirth has " + dBirth.length + " entries, dDeath " + dDeath.length);
    }
  }

  /** No gradient for any of {@code pairs}. */
  public static PairGradients zeros(PersistencePairs pairs) {
    return new PairGradients(new double[pairs.size()], new double[pairs.size()]);
  }

  int size() {
    return dBirth.length;
  }
}
