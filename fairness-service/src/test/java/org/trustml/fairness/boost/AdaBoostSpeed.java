package org.trustml.fairness.boost;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.fairness.data.FairProblem;

/**
 * Timing run, not a test: 500 rounds of depth-5 SAMME and of MMM-Fair EO on the full UCI Adult training set.
 * An optional first argument names a CSV file to write the one-hot matrix (label last) to, for timing
 * scikit-learn on exactly the same data.
 */
public final class AdaBoostSpeed {

  private AdaBoostSpeed() { }

  public static void main(String[] args) throws Exception {
    Path file = AdultData.adultFile().orElseThrow(() -> new IllegalStateException(
        "UCI Adult not found: set -Dtrustml.datasets.dir to the folder holding adult/adult.data"));
    FairProblem adult = AdultData.load(file, Integer.MAX_VALUE);
    System.out.printf("Adult: %d rows, %d features%n", adult.rows(), adult.width());
    if (args.length > 0) {
      writeCsv(adult, Path.of(args[0]));
    }
    // warm-up so the JIT has compiled the hot loops before timing
    new MmmFairAdaBoost(AdaBoostParams.defaults(Constraint.NONE).withRounds(20)).fit(adult, BoostingListener.NONE);
    for (Constraint c : new Constraint[] {Constraint.NONE, Constraint.EO}) {
      long start = System.nanoTime();
      BoostingResult r = new MmmFairAdaBoost(AdaBoostParams.defaults(c).withRounds(500))
          .fit(adult, BoostingListener.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] last = r.trace().objectives()[r.trace().stages() - 1];
      System.out.printf("%s: %d rounds depth 5 in %.2f s; training error %.4f, MMM %.4f%n", c,
          r.ensemble().trees().size(), seconds, last[0], last[2]);
    }
    long start = System.nanoTime();
    BoostingResult g = new MmmFairGbt(GbtParams.defaults(Constraint.EO).withIterations(500))
        .fit(adult, BoostingListener.NONE);
    System.out.printf("GBT EO: 500 iterations in %.2f s; training error %.4f%n", (System.nanoTime() - start) / 1e9,
        g.trace().objectives()[499][0]);
  }

  private static void writeCsv(FairProblem p, Path out) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (int i = 0; i < p.rows(); i++) {
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < p.width(); f++) {
          line.append(p.feature(i, f)).append(',');
        }
        w.write(line.append(p.labels()[i]).append('\n').toString());
      }
    }
  }
}
