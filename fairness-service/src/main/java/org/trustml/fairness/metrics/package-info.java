/**
 * Group-fairness metrics of a binary classifier's predictions over protected attributes (design note
 * {@code fairness-service.md} §2, §7, §9, §10). Plain Java, no Spring; results are records of plain types for JSON.
 *
 * <h2>Entry point</h2>
 * {@link org.trustml.fairness.metrics.FairnessMetrics} with {@link org.trustml.fairness.metrics.MetricsOptions}:
 * {@code evaluate} (marginal, additive, intersectional, MMM at once), {@code marginal}, {@code intersectional},
 * {@code mmm}, {@code sequential}. Inputs are {@link org.trustml.fairness.metrics.Predictions} (0/1 labels and
 * predictions, optional scores) and {@link org.trustml.fairness.metrics.ProtectedAttributes} (named columns of
 * category strings, binary or multi-valued); bad input is a 400
 * {@link org.trustml.core.web.ProblemException} whose codes are in
 * {@link org.trustml.fairness.metrics.InputProblems}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Gaps follow Fairlearn's documented {@code difference}/{@code ratio} with {@code between_groups} and
 *   {@code to_overall}; equalized odds combines the TPR and FPR gaps by worst case or mean
 *   ({@link org.trustml.fairness.metrics.GapMethod}, {@link org.trustml.fairness.metrics.Criterion}).</li>
 *   <li>An undefined rate (a zero denominator) is {@code NaN} with a reason, never 0; a group below the minimum
 *   support has counts but no rates; neither enters a gap, and the gap lists it in {@code excludedGroups}.</li>
 *   <li>MMM follows mmm-fair (non-protected − protected, max over attributes of max(|ΔTPR|, |ΔTNR|)) when the
 *   non-protected value is named, and max − min over groups otherwise ({@link org.trustml.fairness.metrics.Mmm}).</li>
 *   <li>Intervals are percentile bootstrap intervals from a seeded {@link java.util.SplittableRandom}; every view
 *   draws the same resamples for the same seed ({@link org.trustml.fairness.metrics.Bootstrap}).</li>
 * </ul>
 */
package org.trustml.fairness.metrics;
