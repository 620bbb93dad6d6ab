package org.trustml.fairness.reductions;

import java.util.Arrays;
import java.util.List;

/**
 * The fairness baselines the service runs side by side (the benchmark's logistic-regression family): each has a
 * stable id for requests and reports.
 */
public enum Baseline {
  /** Plain logistic regression, unit weights. */
  LR("lr", false),
  /** Kamiran–Calders reweighing of the (group, label) cells, then logistic regression. */
  REWEIGHING("reweighing", false),
  /** Hardt et al.'s equalized-odds post-processing of logistic-regression scores; randomized decisions. */
  THRESHOLD_EO("threshold-eo", true),
  /** Exponentiated gradient under demographic parity with logistic regression; randomized decisions. */
  EG_DP("eg-dp", true),
  /** Exponentiated gradient under equalized odds with logistic regression; randomized decisions. */
  EG_EO("eg-eo", true);

  private final String id;
  private final boolean randomized;

  Baseline(String id, boolean randomized) {
    this.id = id;
    this.randomized = randomized;
  }

  /** The id requests and reports use, e.g. {@code eg-eo}. */
  public String id() {
    return id;
  }

  /** Whether the method's decisions are drawn from a seeded generator. */
  public boolean randomized() {
    return randomized;
  }

  /** Every id, in the order the methods run by default. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Baseline::id).toList();
  }

  /**
   * The method with this id.
   *
   * @throws IllegalArgumentException naming the id and the known ones
   */
  public static Baseline of(String id) {
    for (Baseline b : values()) {
      if (b.id.equals(id)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown baseline '" + id + "'; known: " + ids());
  }
}
