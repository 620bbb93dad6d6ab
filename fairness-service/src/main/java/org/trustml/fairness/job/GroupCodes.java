package org.trustml.fairness.job;

import java.util.ArrayList;
import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * The groups a baseline protects, as one code per row: an attribute's values or the intersectional cells. The loader
 * numbers values and cells per table (those present, in name order), so a separately loaded test table is brought
 * into the training table's code space by name; a name the training table lacks gets a new code.
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

  /**
   * Codes of {@code other} in the code space of {@code reference}'s names.
   *
   * @param referenceNames the names codes refer to (not modified)
   * @param names the other table's names (not modified)
   * @param codes the other table's codes (not modified)
   */
  static int[] align(List<String> referenceNames, List<String> names, int[] codes) {
    int[] map = new int[names.size()];
    List<String> added = new ArrayList<>();
    for (int c = 0; c < map.length; c++) {
      int i = referenceNames.indexOf(names.get(c));
      if (i < 0) {
        i = referenceNames.size() + added.size();
        added.add(names.get(c));
      }
      map[c] = i;
    }
    int[] out = new int[codes.length];
    for (int r = 0; r < codes.length; r++) {
      out[r] = map[codes[r]];
    }
    return out;
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
