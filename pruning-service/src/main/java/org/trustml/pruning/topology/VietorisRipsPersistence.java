package org.trustml.pruning.topology;

/**
 * Persistent homology of the Vietoris–Rips filtration in dimensions 0 and 1, with the critical edges of every pair.
 * H0 comes from a minimum spanning tree ({@link ComponentsPass}); H1 from Ripser's cohomology reduction
 * ({@link CohomologyReduction}, Bauer, arXiv 1908.02518). Values and pairs match {@code ripser --dim 1}; edge
 * lengths are exact doubles (Ripser computes in float).
 *
 * <pre>{@code
 * PersistenceDiagram d = VietorisRipsPersistence.compute(PointCloud.of(rows), RipsParams.h0h1());
 * }</pre>
 */
public final class VietorisRipsPersistence {

  private VietorisRipsPersistence() {}

  /** Persistence of the Euclidean distances between the points. */
  public static PersistenceDiagram compute(PointCloud points, RipsParams params) {
    return compute(points.distances(), params);
  }

  /** Persistence of a given distance matrix. */
  public static PersistenceDiagram compute(DistanceMatrix distances, RipsParams params) {
    // beyond the enclosing radius the complex is a cone: a lower threshold gives the same diagram, and less work
    double threshold = Math.min(params.threshold(), distances.enclosingRadius());
    EdgeFiltration filtration = EdgeFiltration.of(distances, threshold);
    boolean withCycles = params.maxDimension() >= 1;
    ComponentsPass components = ComponentsPass.run(filtration, withCycles);
    PersistencePairs cycles = withCycles
        ? new CohomologyReduction(filtration, components.columnsToReduce).run()
        : new PersistencePairs.Builder(1).build();
    return new PersistenceDiagram(components.pairs, cycles, threshold);
  }
}
