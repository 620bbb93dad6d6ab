package org.trustml.core.dataset;

/**
 * The CSV values that mean "no value": empty (or only spaces), {@code ?} (UCI Adult), {@code NA},
 * {@code NaN} and {@code null}, in any case. Services loading data should use the same rule.
 */
public final class MissingValues {

  private MissingValues() {}

  /** Whether a raw field is a missing value; surrounding spaces are ignored. */
  public static boolean isMissing(String value) {
    String v = value.strip();
    return switch (v.length()) {
      case 0 -> true;
      case 1 -> v.equals("?");
      case 2 -> v.equalsIgnoreCase("na");
      case 3 -> v.equalsIgnoreCase("nan");
      case 4 -> v.equalsIgnoreCase("null");
      default -> false;
    };
  }
}
