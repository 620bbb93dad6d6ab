package org.trustml.ml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each CSV column is for, as the catalog records it: one label, protected attributes (kept apart for fairness
 * methods), features and ignored columns.
 *
 * @param label the target column
 * @param protectedAttributes columns kept separately as integer codes; they are features too only if listed in
 *     {@code features}
 * @param features the model's inputs, in this order; empty for every column that has no other role, in file order
 * @param ignored columns that are read past and dropped
 */
public record ColumnRoles(String label, List<String> protectedAttributes, List<String> features, List<String> ignored) {

  /** Copies the lists and checks that no column has two roles (a protected column may also be a feature). */
  public ColumnRoles {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a label column is required");
    }
    protectedAttributes = List.copyOf(protectedAttributes);
    features = List.copyOf(features);
    ignored = List.copyOf(ignored);
    requireUnique("protectedAttributes", protectedAttributes);
    requireUnique("features", features);
    requireUnique("ignored", ignored);
    if (protectedAttributes.contains(label) || features.contains(label) || ignored.contains(label)) {
      throw new IllegalArgumentException("the label column '" + label + "' cannot have another role");
    }
    for (String name : ignored) {
      if (protectedAttributes.contains(name) || features.contains(name)) {
        throw new IllegalArgumentException("column '" + name + "' is ignored and used at once");
      }
    }
  }

  /** A label and protected attributes; every other column is a feature. */
  public static ColumnRoles of(String label, String... protectedAttributes) {
    return new ColumnRoles(label, List.of(protectedAttributes), List.of(), List.of());
  }

  /** The same roles with an explicit feature list. */
  public ColumnRoles withFeatures(List<String> names) {
    return new ColumnRoles(label, protectedAttributes, names, ignored);
  }

  /**
   * The same roles with the protected columns as model inputs too: the given features (or every column of the file
   * without another role), then every protected column not among them.
   *
   * @throws IllegalArgumentException if a named column is not in the file
   */
  public ColumnRoles withProtectedAsFeatures(List<String> columnNames) {
    List<String> inputs = new ArrayList<>(features.isEmpty() ? unassigned(columnNames) : features);
    for (String name : protectedAttributes) {
      if (!inputs.contains(name)) {
        inputs.add(name);
      }
    }
    return withFeatures(inputs);
  }

  /** The same roles, ignoring these columns. */
  public ColumnRoles withIgnored(List<String> names) {
    return new ColumnRoles(label, protectedAttributes, features, names);
  }

  /**
   * The feature columns of a file with these columns: {@link #features()}, or every column without another role.
   *
   * @throws IllegalArgumentException if a named column is not in the file, listing the file's columns
   */
  List<String> resolveFeatures(List<String> columnNames) {
    if (!features.isEmpty()) {
      requirePresent(columnNames);
      return features;
    }
    List<String> rest = unassigned(columnNames);
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("no column is left as a feature");
    }
    return rest;
  }

  /** The file's columns that have no role, in file order, once every named column is known to be in the file. */
  private List<String> unassigned(List<String> columnNames) {
    requirePresent(columnNames);
    Set<String> taken = new LinkedHashSet<>(named());
    List<String> rest = new ArrayList<>();
    for (String name : columnNames) {
      if (!taken.contains(name)) {
        rest.add(name);
      }
    }
    return rest;
  }

  private void requirePresent(List<String> columnNames) {
    Set<String> present = new HashSet<>(columnNames);
    for (String name : named()) {
      if (!present.contains(name)) {
        throw new IllegalArgumentException("column '" + name + "' is not in the file; its columns are " + columnNames);
      }
    }
  }

  /** Every column with a role. */
  private List<String> named() {
    List<String> named = new ArrayList<>();
    named.add(label);
    named.addAll(protectedAttributes);
    named.addAll(features);
    named.addAll(ignored);
    return named;
  }

  private static void requireUnique(String what, List<String> names) {
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException(what + " names a column twice: " + names);
    }
  }
}
