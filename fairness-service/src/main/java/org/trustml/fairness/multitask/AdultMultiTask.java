package org.trustml.fairness.multitask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.trustml.fairness.data.sets.Adult;
import org.trustml.ml.Seeds;

/**
 * A multi-task set built from UCI Adult ({@code adult.data}: 32,561 training rows, {@code adult.test}: 16,281 test
 * rows): one population, five binary targets, sex as the protected attribute.
 *
 * <h2>Tasks</h2>
 * <ol>
 *   <li>{@code income}: income {@code >50K};</li>
 *   <li>{@code long-hours}: hours-per-week {@code > 40};</li>
 *   <li>{@code married}: marital-status starts with {@code Married-civ} or {@code Married-AF};</li>
 *   <li>{@code capital}: capital-gain {@code > 0} or capital-loss {@code > 0};</li>
 *   <li>{@code degree}: education-num {@code ≥ 13} (bachelor or above).</li>
 * </ol>
 *
 * <h2>Features</h2>
 * Every column a task derives from is dropped (hours-per-week, marital-status, relationship, which leaks
 * marriage, capital-gain, capital-loss, education, education-num), and so is sex. What is left: age and fnlwgt,
 * standardised with the training rows' mean and population standard deviation, and one-hot workclass,
 * occupation, race and native-country (categories seen in the training file, sorted; {@code ?} is a category of
 * its own, so no row is dropped; a test category absent from training encodes as all zeros): 2 + 9 + 15 + 5 + 42
 * = 73 columns.
 *
 * <h2>Protected attribute and chunks</h2>
 * Sex: {@code Male} is non-protected (1), {@code Female} protected (0). Both files are shuffled with the seed; the
 * training rows are dealt round-robin into {@code chunks} chunks (the paper streams one US state per chunk; Adult
 * has no such balanced partition, native-country being 90 % United-States), so any prefix of the shuffled rows
 * still covers every chunk.
 */
public final class AdultMultiTask {

  /** Task names, in target order. */
  public static final List<String> TASKS = List.of("income", "long-hours", "married", "capital", "degree");

  private static final int AGE = 0;
  private static final int WORKCLASS = 1;
  private static final int FNLWGT = 2;
  private static final int EDUCATION_NUM = 4;
  private static final int MARITAL = 5;
  private static final int OCCUPATION = 6;
  private static final int RACE = 8;
  private static final int SEX = 9;
  private static final int GAIN = 10;
  private static final int LOSS = 11;
  private static final int HOURS = 12;
  private static final int COUNTRY = 13;
  private static final int INCOME = 14;
  private static final int[] CATEGORICAL = {WORKCLASS, OCCUPATION, RACE, COUNTRY};
  private static final int[] NUMERIC = {AGE, FNLWGT};

  private AdultMultiTask() {}

  /**
   * Reads {@code adult.data} and {@code adult.test} from {@code adultDir}.
   *
   * @param chunks how many chunks the training rows are dealt into
   * @param seed shuffles both files
   */
  public static MultiTaskSplit load(Path adultDir, int chunks, long seed) {
    List<String[]> train = read(adultDir.resolve("adult.data"));
    List<String[]> test = read(adultDir.resolve("adult.test"));
    List<List<String>> categories = new ArrayList<>();
    for (int column : CATEGORICAL) {
      TreeSet<String> seen = new TreeSet<>();
      for (String[] row : train) {
        seen.add(row[column]);
      }
      categories.add(List.copyOf(seen));
    }
    double[][] scale = new double[NUMERIC.length][2];
    for (int k = 0; k < NUMERIC.length; k++) {
      double sum = 0;
      double squares = 0;
      for (String[] row : train) {
        double v = Double.parseDouble(row[NUMERIC[k]]);
        sum += v;
        squares += v * v;
      }
      double mean = sum / train.size();
      scale[k][0] = mean;
      scale[k][1] = Math.sqrt(Math.max(squares / train.size() - mean * mean, 1e-12));
    }
    SplittableRandom random = Seeds.newRandom(seed);
    return new MultiTaskSplit(
        encode(train, categories, scale, chunks, random), encode(test, categories, scale, 1, random));
  }

  private static MultiTaskData encode(
      List<String[]> rows, List<List<String>> categories, double[][] scale, int chunks, SplittableRandom random) {
    int width = NUMERIC.length;
    for (List<String> c : categories) {
      width += c.size();
    }
    int n = rows.size();
    int[] order = Seeds.permutation(n, random);
    float[] x = new float[n * width];
    int[][] y = new int[TASKS.size()][n];
    int[] s = new int[n];
    int[] chunk = new int[n];
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(order[i]);
      int offset = i * width;
      for (int k = 0; k < NUMERIC.length; k++) {
        x[offset++] = (float) ((Double.parseDouble(row[NUMERIC[k]]) - scale[k][0]) / scale[k][1]);
      }
      for (int k = 0; k < CATEGORICAL.length; k++) {
        int code = categories.get(k).indexOf(row[CATEGORICAL[k]]);
        if (code >= 0) {
          x[offset + code] = 1f;
        }
        offset += categories.get(k).size();
      }
      y[0][i] = row[INCOME].startsWith(">50K") ? 1 : 0;
      y[1][i] = Integer.parseInt(row[HOURS]) > 40 ? 1 : 0;
      y[2][i] = row[MARITAL].startsWith("Married-civ") || row[MARITAL].startsWith("Married-AF") ? 1 : 0;
      y[3][i] = Integer.parseInt(row[GAIN]) > 0 || Integer.parseInt(row[LOSS]) > 0 ? 1 : 0;
      y[4][i] = Integer.parseInt(row[EDUCATION_NUM]) >= 13 ? 1 : 0;
      s[i] = row[SEX].equals("Male") ? 1 : 0;
      chunk[i] = i % chunks;
    }
    return new MultiTaskData(x, width, y, s, chunk, TASKS);
  }

  private static List<String[]> read(Path file) {
    try {
      return Adult.rows(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
