package org.trustml.fairness.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary classification task with protected groups, in the plain arrays the fair learners work on.
 *
 * <p>Protected attributes are kept out of the features unless the schema makes them inputs too. Each attribute has its (possibly multi-valued) codes and the
 * MMM-Fair binary view {@code nonProtected} (true = non-protected group, the convention of the design note's S
 * matrix). Intersectional cells are the attributes' value combinations present in the data.
 *
 * @param featureNames one name per feature column
 * @param features row-major, {@code rows x featureNames.size()} values (not copied: treat as read-only)
 * @param labels 0/1 per row
 * @param attributes the protected attributes, at least one
 * @param cells intersectional cell index per row, 0 … cellNames.size() − 1
 * @param cellNames the label of each cell, e.g. {@code race=Black & sex=Female}
 */
public record FairProblem(
    List<String> featureNames, float[] features, int[] labels, List<Attribute> attributes, int[] cells,
    List<String> cellNames) {

  /**
   * One protected attribute.
   *
   * @param name the column
   * @param values its distinct values, indexed by {@code codes}
   * @param codes the value index per row
   * @param nonProtected per row: true if the row belongs to the non-protected group of the binary view
   */
  public record Attribute(String name, List<String> values, int[] codes, boolean[] nonProtected) {
    public Attribute {
      values = List.copyOf(values);
      if (codes.length != nonProtected.length) {
        throw new IllegalArgumentException("codes and nonProtected of '" + name + "' differ in length");
      }
    }
  }

  /** Copies the lists and checks the sizes. */
  public FairProblem {
    featureNames = List.copyOf(featureNames);
    attributes = List.copyOf(attributes);
    cellNames = List.copyOf(cellNames);
    int n = labels.length;
    if (features.length != (long) n * featureNames.size()) {
      throw new IllegalArgumentException("features must hold rows x featureNames values");
    }
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("at least one protected attribute is required");
    }
    for (Attribute a : attributes) {
      if (a.codes().length != n) {
        throw new IllegalArgumentException("attribute '" + a.name() + "' has " + a.codes().length + " rows, not " + n);
      }
    }
    if (cells.length != n) {
      throw new IllegalArgumentException("cells must have one entry per row");
    }
  }

  public int rows() {
    return labels.length;
  }

  public int width() {
    return featureNames.size();
  }

  /** The value of feature {@code column} in {@code row}. */
  public float feature(int row, int column) {
    return features[row * featureNames.size() + column];
  }

  /** The binary view of every attribute as an {@code attributes x rows} matrix, true = non-protected. */
  public boolean[][] nonProtectedMatrix() {
    boolean[][] s = new boolean[attributes.size()][];
    for (int j = 0; j < s.length; j++) {
      s[j] = attributes.get(j).nonProtected();
    }
    return s;
  }

  /**
   * This problem with attribute values and cells indexed as in {@code reference} (a split loaded separately, whose
   * codes were numbered over the values present in it): a value or cell the reference names keeps the reference's
   * index, one it lacks is appended after the reference's. Learners keyed by cell or group index (per-cell thresholds,
   * reductions over cells) can then be applied to this problem.
   */
  public FairProblem alignedTo(FairProblem reference) {
    if (reference.attributes.size() != attributes.size()) {
      throw new IllegalArgumentException("the reference has " + reference.attributes.size() + " protected attributes, "
          + "this problem " + attributes.size());
    }
    List<Attribute> aligned = new ArrayList<>();
    for (int j = 0; j < attributes.size(); j++) {
      Attribute a = attributes.get(j);
      Attribute r = reference.attributes.get(j);
      if (!a.name().equals(r.name())) {
        throw new IllegalArgumentException("protected attribute " + j + " is '" + a.name() + "' here and '" + r.name()
            + "' in the reference");
      }
      List<String> values = new ArrayList<>(r.values());
      int[] codes = reindex(a.codes(), a.values(), values);
      aligned.add(new Attribute(a.name(), values, codes, a.nonProtected()));
    }
    List<String> names = new ArrayList<>(reference.cellNames);
    int[] c = reindex(cells, cellNames, names);
    return new FairProblem(featureNames, features, labels, aligned, c, names);
  }

  /** Codes over {@code from} as codes over {@code to}, appending to {@code to} the names it lacks. */
  private static int[] reindex(int[] codes, List<String> from, List<String> to) {
    int[] map = new int[from.size()];
    for (int v = 0; v < from.size(); v++) {
      int k = to.indexOf(from.get(v));
      if (k < 0) {
        to.add(from.get(v));
        k = to.size() - 1;
      }
      map[v] = k;
    }
    int[] out = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = map[codes[i]];
    }
    return out;
  }

  /** The rows given, in that order (bootstrap, train/test splits). */
  public FairProblem subset(int[] rows) {
    int d = width();
    float[] x = new float[rows.length * d];
    int[] y = new int[rows.length];
    int[] c = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(features, rows[i] * d, x, i * d, d);
      y[i] = labels[rows[i]];
      c[i] = cells[rows[i]];
    }
    List<Attribute> subsetAttributes = attributes.stream().map(a -> {
      int[] codes = new int[rows.length];
      boolean[] np = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        codes[i] = a.codes()[rows[i]];
        np[i] = a.nonProtected()[rows[i]];
      }
      return new Attribute(a.name(), a.values(), codes, np);
    }).toList();
    return new FairProblem(featureNames, x, y, subsetAttributes, c, cellNames);
  }
}
