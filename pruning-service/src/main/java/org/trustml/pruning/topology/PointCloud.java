package org.trustml.pruning.topology;

import java.util.Arrays;

/** An immutable cloud of {@code n} points in R^D, stored row-major in one array. */
public final class PointCloud {

  private final double[] coordinates;
  private final int dimension;

  private PointCloud(double[] coordinates, int dimension) {
    if (dimension < 1 || coordinates.length % dimension != 0) {
      throw new IllegalArgumentException(
          "coordinates length " + coordinates.length + " is not a multiple of dimension " + dimension);
    }
    for (double x : coordinates) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("coordinates must be finite, got " + x);
      }
    }
    this.coordinates = coordinates;
    this.dimension = dimension;
  }

  /**
   * @param rows one row per point, all of the same length (not modified; copied)
   */
  public static PointCloud of(double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("a point cloud needs at least one point");
    }
    int d = rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " coordinates, row 0 has " + d);
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return new PointCloud(flat, d);
  }

  /**
   * @param coordinates point i occupies {@code [i*dimension, (i+1)*dimension)} (not modified; copied)
   * @param dimension   the ambient dimension D
   */
  public static PointCloud ofRowMajor(double[] coordinates, int dimension) {
    return new PointCloud(coordinates.clone(), dimension);
  }

  /** Number of points n. */
  public int size() {
    return coordinates.length / dimension;
  }

  /** Ambient dimension D. */
  public int dimension() {
    return dimension;
  }

  /** Coordinate {@code k} of point {@code i}. */
  public double coordinate(int i, int k) {
    return coordinates[i * dimension + k];
  }

  /** A copy of the row-major coordinates. */
  public double[] toRowMajor() {
    return coordinates.clone();
  }

  /** The Euclidean distance between points i and j. */
  public double distance(int i, int j) {
    double s = 0;
    int oi = i * dimension;
    int oj = j * dimension;
    for (int k = 0; k < dimension; k++) {
      double d = coordinates[oi + k] - coordinates[oj + k];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** All pairwise Euclidean distances. */
  public DistanceMatrix distances() {
    int n = size();
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = distance(i, j);
        d[i * n + j] = v;
        d[j * n + i] = v;
      }
    }
    return DistanceMatrix.trusted(d, n);
  }

  @Override
  public String toString() {
    return "PointCloud[n=" + size() + ", dimension=" + dimension + ", first=" +
        Arrays.toString(Arrays.copyOf(coordinates, Math.min(dimension, 4))) + "]";
  }
}
