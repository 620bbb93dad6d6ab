package org.trustml.fairness.metrics;

import java.util.List;

/**
 * One attribute's contribution to MMM.
 *
 * @param convention        {@link #NON_PROTECTED_MINUS_PROTECTED} (the attribute's non-protected value was named:
 *                          differences are signed, non-protected − protected, as in mmm-fair) or
 *                          {@link #MAX_MINUS_MIN} (no value named: unsigned, max − min over the attribute's groups)
 * @param nonProtectedValue the named value, or {@code null}
 * @param dTpr              ΔTPR (equal-opportunity violation |dTpr|)
 * @param dTnr              ΔTNR (FPR-parity violation |dTnr|, as |ΔTNR| = |ΔFPR|)
 * @param dPpr              Δ positive prediction rate (demographic-parity violation |dPpr|)
 * @param violation         max(|dTpr|, |dTnr|): mmm-fair's equalized-odds violation; NaN when either is undefined
 * @param dTprCi            interval of dTpr (and likewise for the others); a signed difference's interval can
 *                          cover 0, which is how "no gap" is tested, whereas an unsigned max − min is biased
 *                          upwards and its interval lies above 0 even when the groups do not differ
 * @param excludedGroups    groups below support or without the rate
 */
public record MmmTerm(String attribute, String convention, String nonProtectedValue, double dTpr, double dTnr,
    double dPpr, double violation, ConfidenceInterval dTprCi, ConfidenceInterval dTnrCi, ConfidenceInterval dPprCi,
    ConfidenceInterval violationCi, List<String> excludedGroups, List<String> flags) {

  public static final String NON_PROTECTED_MINUS_PROTECTED = "non-protected-minus-protected";
  public static final String MAX_MINUS_MIN = "max-minus-min";

  public MmmTerm {
    excludedGroups = List.copyOf(excludedGroups);
    flags = List.copyOf(flags);
  }
}
