package org.trustml.fairness.job;

import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * The groups a baseline protects, as one code per row: an attribute's values or the intersectional cells. A test
 * table shares the training table's code space when it is a subset of it or was loaded aligned to it
 * ({@code FairProblemLoader.apply(source, fitted)}).
 */
final class GroupCodes {

  /** The grouping that protects the intersectional cells. */
  static final String CELLS = "cells";

  private GroupCodes() {}

  /** The group names of a table under {@code grouping} ({@link #CELLS} or a protected column). */
  static List<String> names(FairProblem p, String grouping) {
    return CELLS.equals(grouping) ? p.cellNames() : attribute(p, grouping).values();
  }

  /** The group code of every row under {@code grouping}, in the table's own code space. */
  static int[] codes(FairProblem p, String grouping) {
    return CELLS.equals(grouping) ? p.cells() : attribute(p, grouping).codes();
  }

  private static FairProblem.Attribute attribute(FairProblem p, String column) {
    for (FairProblem.Attribute a : p.attributes()) {
      if (a.name().equals(column)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no protected attribute '" + column + "'");
  }
}
