package org.trustml.fairness.data.sets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * UCI Adult as a CSV table with a header: the original {@code adult.data} (32,561 rows) and {@code adult.test}
 * (16,281 rows) with their official split. Fields lose the space after each comma, the test file loses its first
 * line ({@code |1x3 Cross validator}) and the period after its labels, so both splits share the values
 * {@code <=50K} and {@code >50K}. Missing values stay {@code ?}, which the loaders treat as missing.
 */
public final class Adult {

  public static final List<String> COLUMNS = List.of("age", "workclass", "fnlwgt", "education", "education-num",
      "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
      "hours-per-week", "native-country", "income");

  private Adult() {}

  /** The training split as CSV bytes. */
  public static byte[] train(Path root) throws IOException {
    return table(root.resolve("adult/adult.data"));
  }

  /** The test split as CSV bytes. */
  public static byte[] test(Path root) throws IOException {
    return table(root.resolve("adult/adult.test"));
  }

  /**
   * The rows of {@code adult.data} or {@code adult.test} in {@code adultDir}: 15 stripped fields each, the test
   * labels without their period.
   */
  public static List<String[]> rows(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("|")) {
        continue;
      }
      String[] fields = line.split(",");
      if (fields.length != COLUMNS.size()) {
        throw new IOException(file + ": a row with " + fields.length + " fields: " + line);
      }
      for (int i = 0; i < fields.length; i++) {
        fields[i] = fields[i].strip();
      }
      String label = fields[fields.length - 1];
      if (label.endsWith(".")) {
        fields[fields.length - 1] = label.substring(0, label.length() - 1);
      }
      rows.add(fields);
    }
    return rows;
  }

  private static byte[] table(Path file) throws IOException {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (String[] row : rows(file)) {
      out.append(String.join(",", row)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
