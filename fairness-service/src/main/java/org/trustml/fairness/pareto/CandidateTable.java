package org.trustml.fairness.pareto;

import java.util.ArrayList;
import java.util.List;
import org.trustml.core.web.ProblemException;

/**
 * The objective values of every candidate model (an ensemble prefix θ = 1 … T: candidate i is θ = i + 1), one named
 * column per objective, every objective lower-is-better (errors, gaps, violations).
 *
 * @param columns the objective names, e.g. {@code error}, {@code eo:sex}, {@code eo:cells}
 * @param values {@code values[candidate][column]}
 */
public record CandidateTable(List<String> columns, double[][] values) {

  public CandidateTable {
    columns = List.copyOf(columns);
    for (double[] row : values) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException("every candidate needs one value per column " + columns);
      }
    }
  }

  public int candidates() {
    return values.length;
  }

  /**
   * The position of an objective.
   *
   * @throws ProblemException 400 {@code unknown-objective} listing the objectives there are
   */
  public int column(String name) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw ProblemException.badRequest("unknown-objective", "there is no objective '" + name + "'; the candidates have "
          + columns).with("objective", name);
    }
    return i;
  }

  /** The value of an objective for a candidate. */
  public double value(int candidate, String column) {
    return values[candidate][column(column)];
  }

  /** The sub-matrix of the named columns, one row per candidate. */
  public double[][] project(List<String> names) {
    int[] idx = names.stream().mapToInt(this::column).toArray();
    double[][] out = new double[values.length][idx.length];
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        out[i][j] = values[i][idx[j]];
      }
    }
    return out;
  }

  /** The columns that start with a prefix, e.g. {@code eo:} for the equalized-odds gap of every attribute. */
  public List<String> columnsStartingWith(String prefix) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      if (c.startsWith(prefix)) {
        out.add(c);
      }
    }
    return out;
  }
}
