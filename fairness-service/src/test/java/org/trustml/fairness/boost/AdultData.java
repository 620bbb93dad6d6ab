package org.trustml.fairness.boost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.fairness.data.FairProblem;

/**
 * UCI Adult ({@code adult.data}) as a {@link FairProblem}: label income &gt; 50K; protected sex (Male
 * non-protected) and race (White non-protected), both removed from the features; cells race × sex; the six numeric
 * columns as they are and the other categoricals one-hot (first-seen order, "?" a category of its own).
 */
final class AdultData {

  private static final int[] NUMERIC = {0, 2, 4, 10, 11, 12};
  private static final int[] CATEGORICAL = {1, 3, 5, 6, 7, 13};
  private static final String[] NAMES = {"age", "workclass", "fnlwgt", "education", "education-num",
      "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
      "hours-per-week", "native-country"};
  private static final int RACE = 8;
  private static final int SEX = 9;

  private AdultData() { }

  /** The dataset folder: system property {@code trustml.datasets.dir}, else ../shared or ../../shared. */
  static Optional<Path> adultFile() {
    List<String> candidates = new ArrayList<>();
    String property = System.getProperty("trustml.datasets.dir");
    if (property != null) {
      candidates.add(property);
    }
    candidates.add("../shared/datasets");
    candidates.add("../../shared/datasets");
    return candidates.stream().map(dir -> Path.of(dir, "adult", "adult.data")).filter(Files::isRegularFile)
        .findFirst();
  }

  /** The first {@code maxRows} complete rows of {@code file}. */
  static FairProblem load(Path file, int maxRows) throws IOException {
    List<String[]> records = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split(",");
      if (parts.length != 15) {
        continue;
      }
      for (int k = 0; k < parts.length; k++) {
        parts[k] = parts[k].trim();
      }
      records.add(parts);
      if (records.size() == maxRows) {
        break;
      }
    }
    List<String> featureNames = new ArrayList<>();
    for (int c : NUMERIC) {
      featureNames.add(NAMES[c]);
    }
    List<Map<String, Integer>> levels = new ArrayList<>();
    for (int c : CATEGORICAL) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (String[] r : records) {
        seen.putIfAbsent(r[c], seen.size());
      }
      for (String value : seen.keySet()) {
        featureNames.add(NAMES[c] + "=" + value);
      }
      levels.add(seen);
    }
    int n = records.size();
    int d = featureNames.size();
    float[] x = new float[n * d];
    int[] y = new int[n];
    Map<String, Integer> races = new LinkedHashMap<>();
    int[] raceCodes = new int[n];
    int[] sexCodes = new int[n];
    boolean[] white = new boolean[n];
    boolean[] male = new boolean[n];
    for (int i = 0; i < n; i++) {
      String[] r = records.get(i);
      int column = 0;
      for (int c : NUMERIC) {
        x[i * d + column++] = Float.parseFloat(r[c]);
      }
      for (int k = 0; k < CATEGORICAL.length; k++) {
        x[i * d + column + levels.get(k).get(r[CATEGORICAL[k]])] = 1f;
        column += levels.get(k).size();
      }
      y[i] = r[14].startsWith(">50K") ? 1 : 0;
      raceCodes[i] = races.computeIfAbsent(r[RACE], key -> races.size());
      white[i] = r[RACE].equals("White");
      sexCodes[i] = r[SEX].equals("Male") ? 1 : 0;
      male[i] = sexCodes[i] == 1;
    }
    List<String> raceValues = List.copyOf(races.keySet());
    int[] cells = new int[n];
    List<String> cellNames = new ArrayList<>();
    for (String race : raceValues) {
      for (String sex : List.of("Female", "Male")) {
        cellNames.add("race=" + race + " & sex=" + sex);
      }
    }
    for (int i = 0; i < n; i++) {
      cells[i] = raceCodes[i] * 2 + sexCodes[i];
    }
    List<FairProblem.Attribute> attributes = List.of(
        new FairProblem.Attribute("sex", List.of("Female", "Male"), sexCodes, male),
        new FairProblem.Attribute("race", raceValues, raceCodes, white));
    return new FairProblem(featureNames, x, y, attributes, cells, cellNames);
  }
}
