package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Multi-max mistreatment (mmm-fair; design note §2): MMM = max_j max(|ΔTPR_j|, |ΔTNR_j|) over the protected
 * attributes j. For an attribute whose non-protected value is named, the groups are mmm-fair's binary split
 * (non-protected = that value, protected = every other value) and Δ = non-protected − protected; otherwise Δ is
 * max − min over the attribute's groups, which for a two-valued attribute is the same |Δ|. Unlike mmm-fair, an
 * undefined rate is not guarded to 0 by a 1e-10 denominator: the term is undefined and flagged.
 *
 * @param value            MMM over the attributes with a defined term (NaN when none)
 * @param drivingAttribute the attribute attaining it
 * @param ci               percentile interval, over the same attributes; {@code null} when the bootstrap is off
 * @param flags            {@code undefined-attribute:<name>} (the value is then a lower bound), {@code undefined}
 */
public record Mmm(double value, String drivingAttribute, ConfidenceInterval ci, List<MmmTerm> terms,
    List<String> flags) {

  public Mmm {
    terms = List.copyOf(terms);
    flags = List.copyOf(flags);
  }
}
