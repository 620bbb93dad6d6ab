package org.trustml.fairness.metrics;

import java.util.Map;

/**
 * How far a cell's metric lies from what its attributes' separate effects predict: excess = m(cell) − E, with
 * the additive expectation E = m̄ + Σ_j (m(a_j) − m̄) from the marginal metrics m(a_j) of the cell's values. For
 * two attributes this is the design note's m(a₁, a₂) − [m(a₁, ·) + m(·, a₂) − m̄]. A DeGraffenreid pattern (no
 * marginal gap, one cell left out) shows as a large negative excess in that cell.
 *
 * @param additiveExpectation E; NaN when a marginal is below support or undefined
 */
public record IntersectionalExcess(String metric, String cell, Map<String, String> attributes, double observed,
    double additiveExpectation, double excess) {

  public IntersectionalExcess {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }
}
