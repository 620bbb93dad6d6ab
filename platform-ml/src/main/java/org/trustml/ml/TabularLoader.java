package org.trustml.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.dataset.ColumnSchema;
import org.trustml.core.dataset.ColumnType;
import org.trustml.core.dataset.CsvInspector;
import org.trustml.core.dataset.CsvOptions;
import org.trustml.core.dataset.CsvReader;
import org.trustml.core.dataset.DatasetSummary;
import org.trustml.core.dataset.MissingValues;

/**
 * Loads a CSV table for training: platform-core's {@link CsvReader} parses it, {@link CsvInspector} infers the
 * column types (the same rule the catalog applied at registration), and the columns are encoded by role: STRING
 * features one-hot, BOOLEAN features 0/1, numeric features as they are or standardised, the label as class codes
 * (or a number for a NUMBER label), protected attributes as codes kept apart.
 *
 * <pre>{@code
 * TabularTable train = TabularLoader.load(ByteSource.of(path), ColumnRoles.of("income", "sex", "race"), options);
 * TabularTable test = TabularLoader.encode(ByteSource.of(testPath), train.encoding(), options.csv());
 * try (NDManager manager = ml.newManager()) {
 *   TabularDataset data = train.toDataset(manager);
 * }
 * }</pre>
 *
 * <p>The file is streamed, never held as text: once to infer types (skipped when the types are given), once to fit
 * the encoding, once to encode. Only the encoded arrays are kept.
 */
public final class TabularLoader {

  private TabularLoader() {}

  /**
   * Infers the column types, fits an encoding on the file and encodes it.
   *
   * @throws org.trustml.core.web.ProblemException {@code malformed-csv} as platform-core's reader reports it
   * @throws IllegalArgumentException if a role names a column the file lacks, or no usable row is left
   */
  public static TabularTable load(ByteSource source, ColumnRoles roles, TabularOptions options) throws IOException {
    DatasetSummary summary;
    try (InputStream in = source.open()) {
      summary = CsvInspector.inspect(in, options.csv());
    }
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (ColumnSchema column : summary.columnSchemas()) {
      types.put(column.name(), column.type());
    }
    return load(source, types, roles, options);
  }

  /**
   * Fits an encoding with known column types (e.g. from the catalog's schema) and encodes the file.
   *
   * @param types the type of each column used; a numeric type must hold for every non-missing value
   */
  public static TabularTable load(
      ByteSource source, Map<String, ColumnType> types, ColumnRoles roles, TabularOptions options) throws IOException {
    TabularEncoding encoding = fit(source, types, roles, options);
    return encode(source, encoding, options.csv());
  }

  /**
   * Fits an encoding without encoding anything: categories, modes, means and scales over the rows the missing-value
   * policy keeps.
   */
  public static TabularEncoding fit(
      ByteSource source, Map<String, ColumnType> types, ColumnRoles roles, TabularOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(source.open(), options.csv())) {
      List<String> names = csv.columnNames();
      List<String> featureColumns = roles.resolveFeatures(names);
      Map<String, ColumnStats> stats = new LinkedHashMap<>();
      stats.put(roles.label(), new ColumnStats(roles.label(), typeOf(types, roles.label()), false));
      for (String p : roles.protectedAttributes()) {
        stats.put(p, new ColumnStats(p, typeOf(types, p), false));
      }
      for (String f : featureColumns) {
        ColumnType type = typeOf(types, f);
        // a protected column that is also a feature needs the numeric statistics too
        stats.put(f, new ColumnStats(f, type, isNumeric(type)));
      }
      int[] index = indexes(names, stats.keySet());
      ColumnStats[] columns = stats.values().toArray(new ColumnStats[0]);
      long rows = 0;
      while (hasNext(csv)) {
        String[] row = csv.next();
        if (!usable(row, index, options.missing())) {
          continue;
        }
        rows++;
        for (int c = 0; c < columns.length; c++) {
          String raw = row[index[c]];
          if (!MissingValues.isMissing(raw)) {
            columns[c].accept(raw.strip());
          }
        }
      }
      if (rows == 0) {
        throw new IllegalArgumentException("no row is left to fit on once missing values are handled");
      }
      return encoding(stats, types, roles, featureColumns, options, rows);
    }
  }

  private static TabularEncoding encoding(
      Map<String, ColumnStats> stats,
      Map<String, ColumnType> types,
      ColumnRoles roles,
      List<String> featureColumns,
      TabularOptions options,
      long rows) {
    List<FeatureEncoding> features = new ArrayList<>();
    for (String f : featureColumns) {
      ColumnStats s = stats.get(f);
      ColumnType type = typeOf(types, f);
      if (s.present() == 0) {
        throw new IllegalArgumentException("feature column '" + f + "' has no value in the rows kept");
      }
      features.add(
          switch (type) {
            case INTEGER, NUMBER -> {
              double std = s.std(rows);
              yield options.standardize()
                  ? new NumericFeature(f, s.mean(), std > 0 ? std : 1, s.mean())
                  : new NumericFeature(f, 0, 1, s.mean());
            }
            case BOOLEAN -> new BooleanFeature(f, Boolean.parseBoolean(s.mode().toLowerCase(java.util.Locale.ROOT)));
            case STRING -> new OneHotFeature(f, s.categories(), s.mode());
          });
    }
    ColumnStats label = stats.get(roles.label());
    CategoryCodes classes =
        typeOf(types, roles.label()) == ColumnType.NUMBER
            ? null
            : new CategoryCodes(roles.label(), label.categories(), label.mode());
    List<CategoryCodes> protectedCodes = new ArrayList<>();
    for (String p : roles.protectedAttributes()) {
      ColumnStats s = stats.get(p);
      if (s.present() == 0) {
        throw new IllegalArgumentException("protected column '" + p + "' has no value in the rows kept");
      }
      protectedCodes.add(new CategoryCodes(p, s.categories(), s.mode()));
    }
    return new TabularEncoding(features, roles.label(), classes, protectedCodes, options.missing());
  }

  /**
   * Encodes a file with an encoding fitted before (on this file or on another split with the same columns).
   *
   * @throws IllegalArgumentException naming the line if a class label was not seen when fitting or a numeric
   *     field does not parse
   */
  public static TabularTable encode(ByteSource source, TabularEncoding encoding, CsvOptions csvOptions)
      throws IOException {
    try (CsvReader csv = CsvReader.open(source.open(), csvOptions)) {
      List<String> names = csv.columnNames();
      List<String> used = new ArrayList<>();
      used.add(encoding.label());
      for (CategoryCodes p : encoding.protectedAttributes()) {
        used.add(p.column());
      }
      for (FeatureEncoding f : encoding.features()) {
        used.add(f.column());
      }
      int[] index = indexes(names, used);
      int labelIndex = index[0];
      int width = encoding.width();
      int protectedCount = encoding.protectedAttributes().size();
      Growing out = new Growing(width, protectedCount, encoding.isClassification());
      float[] rowFeatures = new float[width];
      List<Map<String, Integer>> unseen = new ArrayList<>();
      for (int p = 0; p < protectedCount; p++) {
        unseen.add(new LinkedHashMap<>());
      }
      long dropped = 0;
      while (hasNext(csv)) {
        String[] row = csv.next();
        if (!usable(row, index, encoding.missing())) {
          dropped++;
          continue;
        }
        long line = csv.line();
        String label = row[labelIndex].strip();
        int code = 0;
        float value = 0;
        if (encoding.isClassification()) {
          code = encoding.labelClasses().code(label);
          if (code == CategoryCodes.UNSEEN) {
            throw new IllegalArgumentException(
                "line " + line + ": label '" + label + "' is not one of the classes " + encoding.classes());
          }
        } else {
          value = (float) parse(label, encoding.label(), line);
        }
        int[] codes = new int[protectedCount];
        for (int p = 0; p < protectedCount; p++) {
          CategoryCodes attribute = encoding.protectedAttributes().get(p);
          String group = valueOrFill(row[index[1 + p]], attribute.mode());
          codes[p] = attribute.code(group);
          if (codes[p] == CategoryCodes.UNSEEN) {
            // not a model input: keep the value as a new category rather than lose which group the row is in
            Map<String, Integer> added = unseen.get(p);
            codes[p] = attribute.categories().size()
                + added.computeIfAbsent(group, v -> added.size());
          }
        }
        int offset = 0;
        for (int f = 0; f < encoding.features().size(); f++) {
          FeatureEncoding feature = encoding.features().get(f);
          String raw = valueOrFill(row[index[1 + protectedCount + f]], feature.fill());
          try {
            feature.encode(raw, rowFeatures, offset);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "line " + line + ": '" + raw + "' in column '" + feature.column() + "' is not a number", e);
          }
          offset += feature.width();
        }
        out.add(rowFeatures, code, value, codes);
      }
      List<ProtectedAttribute> attributes = new ArrayList<>();
      for (int p = 0; p < protectedCount; p++) {
        CategoryCodes c = encoding.protectedAttributes().get(p);
        List<String> categories = new ArrayList<>(c.categories());
        categories.addAll(unseen.get(p).keySet());
        attributes.add(new ProtectedAttribute(c.column(), categories, out.protectedCodes(p)));
      }
      return new TabularTable(
          encoding,
          out.rows,
          out.features(),
          encoding.isClassification() ? out.labelCodes() : null,
          encoding.isClassification() ? null : out.labelValues(),
          attributes,
          dropped);
    }
  }

  /** Whether a row is kept: its label is present, and under DROP_ROWS every other used column too. */
  private static boolean usable(String[] row, int[] index, MissingValuePolicy policy) {
    if (MissingValues.isMissing(row[index[0]])) {
      return false;
    }
    if (policy == MissingValuePolicy.DROP_ROWS) {
      for (int i : index) {
        if (MissingValues.isMissing(row[i])) {
          return false;
        }
      }
    }
    return true;
  }

  private static String valueOrFill(String raw, String fill) {
    return MissingValues.isMissing(raw) ? fill : raw.strip();
  }

  private static double parse(String raw, String column, long line) {
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "line " + line + ": '" + raw + "' in column '" + column + "' is not a number", e);
    }
  }

  private static boolean isNumeric(ColumnType type) {
    return type == ColumnType.INTEGER || type == ColumnType.NUMBER;
  }

  private static ColumnType typeOf(Map<String, ColumnType> types, String column) {
    ColumnType type = types.get(column);
    if (type == null) {
      throw new IllegalArgumentException("no type is known for column '" + column + "'");
    }
    return type;
  }

  private static int[] indexes(List<String> names, Iterable<String> columns) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      position.put(names.get(i), i);
    }
    List<Integer> out = new ArrayList<>();
    for (String c : columns) {
      Integer i = position.get(c);
      if (i == null) {
        throw new IllegalArgumentException("column '" + c + "' is not in the file; its columns are " + names);
      }
      out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The reader reports I/O failures unchecked; the loader's callers expect IOException. */
  private static boolean hasNext(CsvReader csv) throws IOException {
    try {
      return csv.hasNext();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Output arrays that double as rows arrive, since the row count is known only at the end. */
  private static final class Growing {
    private final int width;
    private float[] features;
    private int[] labelCodes;
    private float[] labelValues;
    private final int[][] protectedCodes;
    private int rows;

    Growing(int width, int protectedCount, boolean classification) {
      this.width = width;
      int capacity = 1024;
      this.features = new float[capacity * width];
      this.labelCodes = classification ? new int[capacity] : null;
      this.labelValues = classification ? null : new float[capacity];
      this.protectedCodes = new int[protectedCount][capacity];
    }

    void add(float[] rowFeatures, int code, float value, int[] codes) {
      int capacity = labelCodes != null ? labelCodes.length : labelValues.length;
      if (rows == capacity) {
        int grown = Math.toIntExact(Math.min((long) capacity * 2, Integer.MAX_VALUE - 8));
        if ((long) grown * width > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("the table has more values than a Java array holds");
        }
        features = Arrays.copyOf(features, grown * width);
        if (labelCodes != null) {
          labelCodes = Arrays.copyOf(labelCodes, grown);
        } else {
          labelValues = Arrays.copyOf(labelValues, grown);
        }
        for (int p = 0; p < protectedCodes.length; p++) {
          protectedCodes[p] = Arrays.copyOf(protectedCodes[p], grown);
        }
      }
      System.arraycopy(rowFeatures, 0, features, rows * width, width);
      if (labelCodes != null) {
        labelCodes[rows] = code;
      } else {
        labelValues[rows] = value;
      }
      for (int p = 0; p < codes.length; p++) {
        protectedCodes[p][rows] = codes[p];
      }
      rows++;
    }

    float[] features() {
      return Arrays.copyOf(features, rows * width);
    }

    int[] labelCodes() {
      return Arrays.copyOf(labelCodes, rows);
    }

    float[] labelValues() {
      return Arrays.copyOf(labelValues, rows);
    }

    int[] protectedCodes(int p) {
      return Arrays.copyOf(protectedCodes[p], rows);
    }
  }
}
