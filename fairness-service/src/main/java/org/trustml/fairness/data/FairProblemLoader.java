package org.trustml.fairness.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.web.ProblemException;
import org.trustml.ml.ByteSource;
import org.trustml.ml.ColumnRoles;
import org.trustml.ml.TabularEncoding;
import org.trustml.ml.TabularLoader;
import org.trustml.ml.TabularOptions;
import org.trustml.ml.TabularTable;

/**
 * Reads a CSV table into a {@link FairProblem}: features encoded by platform-ml's tabular loader (one-hot
 * categories, numbers as they are: trees need no scaling), the label as 0/1, and each protected column as groups
 * (values or numeric bands) with its binary view. Every input problem is a 400 naming the column, raised before
 * anything is trained or written.
 */
public final class FairProblemLoader {

  private static final CsvOptions CSV = CsvOptions.defaults().withRenamedDuplicateColumns(true);

  private FairProblemLoader() {}

  /** A loaded table and the fitted encoding, to apply unchanged to other splits and to served rows. */
  public record Loaded(FairProblem problem, TabularEncoding encoding, FairSchema schema, long droppedRows) {}

  /** Fits the encoding on this table and loads it. */
  public static Loaded fit(ByteSource source, FairSchema schema) throws IOException {
    List<String> columns = checkColumns(source, schema);
    TabularTable table;
    try {
      table = TabularLoader.load(source, roles(schema, columns), TabularOptions.defaults().withCsv(CSV)
          .withMissing(schema.missing()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-dataset", e.getMessage());
    }
    return new Loaded(problem(table, schema), table.encoding(), schema, table.droppedRows());
  }

  /**
   * Loads another split with the encoding {@code fitted} was loaded with, its groups and cells indexed as in
   * {@code fitted} ({@link FairProblem#alignedTo}).
   */
  public static Loaded apply(ByteSource source, Loaded fitted) throws IOException {
    Loaded loaded = apply(source, fitted.encoding(), fitted.schema());
    return new Loaded(loaded.problem().alignedTo(fitted.problem()), loaded.encoding(), loaded.schema(),
        loaded.droppedRows());
  }

  /** Loads another split with an encoding fitted before. */
  public static Loaded apply(ByteSource source, TabularEncoding encoding, FairSchema schema) throws IOException {
    checkColumns(source, schema);
    TabularTable table;
    try {
      table = TabularLoader.encode(source, encoding, CSV);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-dataset", e.getMessage());
    }
    return new Loaded(problem(table, schema), encoding, schema, table.droppedRows());
  }

  private static ColumnRoles roles(FairSchema schema, List<String> columns) {
    ColumnRoles roles = new ColumnRoles(schema.label(), schema.protectedColumns(), schema.features(),
        schema.ignored());
    return schema.usesProtectedAsFeatures() ? roles.withProtectedAsFeatures(columns) : roles;
  }

  /** The file's column names, once every column the schema names is known to be among them. */
  private static List<String> checkColumns(ByteSource source, FairSchema schema) throws IOException {
    List<String> names;
    try (InputStream in = source.open(); CsvReader reader = CsvReader.open(in, CSV)) {
      names = reader.columnNames();
    }
    List<String> used = new ArrayList<>();
    used.add(schema.label());
    used.addAll(schema.protectedColumns());
    used.addAll(schema.features());
    used.addAll(schema.ignored());
    for (String c : used) {
      if (!names.contains(c)) {
        throw ProblemException.badRequest("unknown-column", "the dataset has no column '" + c + "'; it has " + names)
            .with("column", c);
      }
    }
    for (String f : schema.features()) {
      if (f.equals(schema.label())) {
        throw ProblemException.badRequest("invalid-column-role", "column '" + f + "' is the label and cannot be a "
            + "feature").with("column", f);
      }
      if (schema.protectedColumns().contains(f) && !schema.usesProtectedAsFeatures()) {
        throw ProblemException.badRequest("invalid-column-role", "column '" + f + "' is protected; protected "
            + "attributes are kept out of the features unless protectedAsFeatures is true").with("column", f);
      }
    }
    return names;
  }

  private static FairProblem problem(TabularTable table, FairSchema schema) {
    int[] labels = LabelCoding.binary(schema.label(), table.encoding().classes(), table.labelCodes(),
        schema.positive());
    int n = table.rows();
    if (n == 0) {
      throw ProblemException.badRequest("empty-dataset", "no row is left once missing values are handled")
          .with("column", schema.label());
    }
    List<FairProblem.Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < schema.protectedAttributes().size(); j++) {
      attributes.add(GroupCoding.attribute(schema.protectedAttributes().get(j), table.protectedAttributes().get(j)));
    }
    int[] cells = new int[n];
    Map<String, Integer> cellIndex = new LinkedHashMap<>();
    Map<Long, Integer> byKey = new HashMap<>();
    for (int i = 0; i < n; i++) {
      long key = 0;
      for (FairProblem.Attribute a : attributes) {
        key = key * (a.values().size() + 1) + a.codes()[i];
      }
      Integer c = byKey.get(key);
      if (c == null) {
        c = cellIndex.size();
        byKey.put(key, c);
        cellIndex.put(cellName(attributes, i), c);
      }
      cells[i] = c;
    }
    // cells in name order, so that reports and tie-breaks do not depend on row order
    List<String> names = new ArrayList<>(cellIndex.keySet());
    List<String> sorted = names.stream().sorted().toList();
    int[] rank = new int[names.size()];
    for (int c = 0; c < names.size(); c++) {
      rank[c] = sorted.indexOf(names.get(c));
    }
    for (int i = 0; i < n; i++) {
      cells[i] = rank[cells[i]];
    }
    return new FairProblem(table.encoding().featureNames(), table.features(), labels, attributes, cells, sorted);
  }

  private static String cellName(List<FairProblem.Attribute> attributes, int row) {
    StringBuilder b = new StringBuilder();
    for (FairProblem.Attribute a : attributes) {
      if (b.length() > 0) {
        b.append(" & ");
      }
      b.append(a.name()).append('=').append(a.values().get(a.codes()[row]));
    }
    return b.toString();
  }
}
