package org.trustml.core.dataset;

/**
 * The type inferred for a CSV column from all of its non-missing values. The first that fits every
 * value wins, in this order: INTEGER, NUMBER, BOOLEAN, STRING. A column with no non-missing value is
 * STRING.
 */
public enum ColumnType {
  /** Every value parses as a 64-bit signed integer. */
  INTEGER,
  /** Every value is a finite decimal number (e.g. {@code -1.5e3}). */
  NUMBER,
  /** Every value is {@code true} or {@code false}, in any case. */
  BOOLEAN,
  /** Anything else. */
  STRING
}
