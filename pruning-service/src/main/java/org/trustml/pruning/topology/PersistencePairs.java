package org.trustml.pruning.topology;

import java.util.Arrays;

/**
 * The persistence pairs of one homology dimension with their critical edges, the edges whose lengths are the
 * pair's birth and death values. Births and deaths are therefore differentiable in the points through those two
 * edges (see {@link PersistenceGradients}). An essential pair has death +∞ and no death edge; an H0 pair has no
 * birth edge (every vertex is born at 0).
 */
public final class PersistencePairs {

  private static final int NONE = -1;

  private final int dimension;
  private final double[] births;
  private final double[] deaths;
  /** Two vertices per pair, {@code NONE} when the value is constant. */
  private final int[] birthEdges;
  private final int[] deathEdges;

  private PersistencePairs(int dimension, double[] births, double[] deaths, int[] birthEdges, int[] deathEdges) {
    this.dimension = dimension;
    this.births = births;
    this.deaths = deaths;
    this.birthEdges = birthEdges;
    this.deathEdges = deathEdges;
  }

  /** Homology dimension, 0 or 1. */
  public int dimension() {
    return dimension;
  }

  /** Number of pairs. */
  public int size() {
    return births.length;
  }

  /** Birth of pair k: 0 in H0, an edge length in H1. */
  public double birth(int k) {
    return births[k];
  }

  /** Death of pair k: an edge length, or +∞ for an essential class. */
  public double death(int k) {
    return deaths[k];
  }

  /** death − birth of pair k. */
  public double persistence(int k) {
    return deaths[k] - births[k];
  }

  /** Whether pair k never dies below the threshold. */
  public boolean isEssential(int k) {
    return deaths[k] == Double.POSITIVE_INFINITY;
  }

  /** Whether the birth value is an edge length (false for H0, whose births are the constant 0). */
  public boolean hasBirthEdge(int k) {
    return birthEdges[2 * k] != NONE;
  }

  /** Whether the death value is an edge length (false for essential pairs). */
  public boolean hasDeathEdge(int k) {
    return deathEdges[2 * k] != NONE;
  }

  /**
   * One end of the birth edge: for H1 the edge that creates the cycle.
   *
   * @param end 0 for the smaller vertex, 1 for the larger
   */
  public int birthVertex(int k, int end) {
    return birthEdges[2 * k + end];
  }

  /**
   * One end of the death edge: for H0 the edge that merges two components, for H1 the longest edge of the
   * triangle that fills the cycle.
   *
   * @param end 0 for the smaller vertex, 1 for the larger
   */
  public int deathVertex(int k, int end) {
    return deathEdges[2 * k + end];
  }

  /** A copy of the births. */
  public double[] births() {
    return births.clone();
  }

  /** A copy of the deaths. */
  public double[] deaths() {
    return deaths.clone();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("H").append(dimension).append('{');
    for (int k = 0; k < Math.min(size(), 8); k++) {
      s.append(k == 0 ? "" : ", ").append('[').append(births[k]).append(',').append(deaths[k]).append(')');
    }
    return s.append(size() > 8 ? ", … " + size() + " pairs}" : "}").toString();
  }

  /** Collects pairs in the order the reduction finds them; growable primitive arrays. */
  static final class Builder {

    private final int dimension;
    private double[] births = new double[16];
    private double[] deaths = new double[16];
    private int[] birthEdges = new int[32];
    private int[] deathEdges = new int[32];
    private int size;

    Builder(int dimension) {
      this.dimension = dimension;
    }

    /** Use {@code NONE} (-1) for the vertices of a constant value. */
    void add(double birth, double death, int birthA, int birthB, int deathA, int deathB) {
      if (size == births.length) {
        births = Arrays.copyOf(births, size * 2);
        deaths = Arrays.copyOf(deaths, size * 2);
        birthEdges = Arrays.copyOf(birthEdges, size * 4);
        deathEdges = Arrays.copyOf(deathEdges, size * 4);
      }
      births[size] = birth;
      deaths[size] = death;
      birthEdges[2 * size] = Math.min(birthA, birthB);
      birthEdges[2 * size + 1] = Math.max(birthA, birthB);
      deathEdges[2 * size] = Math.min(deathA, deathB);
      deathEdges[2 * size + 1] = Math.max(deathA, deathB);
      size++;
    }

    PersistencePairs build() {
      return new PersistencePairs(dimension, Arrays.copyOf(births, size), Arrays.copyOf(deaths, size),
          Arrays.copyOf(birthEdges, 2 * size), Arrays.copyOf(deathEdges, 2 * size));
    }
  }
}
