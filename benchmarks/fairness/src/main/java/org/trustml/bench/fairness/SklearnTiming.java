package org.trustml.bench.fairness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.trustml.fairness.data.FairProblem;

/**
 * scikit-learn's AdaBoost timed on the very rows and encoding the Java learners trained on: the features are written
 * to a temporary CSV and {@code sklearn_adaboost.py} fits on them under Debian's {@code /usr/bin/python3}.
 *
 * @param version sklearn's version
 * @param seconds fit wall time, reading the CSV excluded
 * @param trainAccuracy accuracy on the training rows, to show it learned the same task
 * @param estimators learners fitted (SAMME stops early on a perfect learner)
 */
public record SklearnTiming(String version, double seconds, double trainAccuracy, int estimators) {

  /** Runs the script; fails loudly, since the speed claim cannot be judged without it. */
  public static SklearnTiming run(Path script, FairProblem train, int nEstimators, int depth)
      throws IOException, InterruptedException {
    Path csv = Files.createTempFile("adult-train-", ".csv");
    try {
      write(train, csv);
      Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), csv.toString(),
          Integer.toString(nEstimators), Integer.toString(depth)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new IOException("sklearn_adaboost.py failed:\n" + out);
      }
      Map<String, String> fields = new HashMap<>();
      for (String token : out.strip().lines().reduce((a, b) -> b).orElse("").split(" ")) {
        int eq = token.indexOf('=');
        if (eq > 0) {
          fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
      }
      return new SklearnTiming(fields.get("sklearn"), Double.parseDouble(fields.get("seconds")),
          Double.parseDouble(fields.get("train_accuracy")), Integer.parseInt(fields.get("estimators")));
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static void write(FairProblem train, Path csv) throws IOException {
    int d = train.width();
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < train.rows(); i++) {
        line.setLength(0);
        for (int j = 0; j < d; j++) {
          line.append(train.feature(i, j)).append(',');
        }
        line.append(train.labels()[i]).append('\n');
        w.write(line.toString());
      }
    }
  }
}
