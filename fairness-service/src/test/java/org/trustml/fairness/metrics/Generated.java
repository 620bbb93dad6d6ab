package org.trustml.fairness.metrics;

import java.util.SplittableRandom;

/** Seeded generated data for closed-form tests. */
final class Generated {

  final int[] y;
  final String[] race;
  final String[] sex;

  private Generated(int[] y, String[] race, String[] sex) {
    this.y = y;
    this.race = race;
    this.sex = sex;
  }

  /** n rows: race uniform over {a, b, c}, sex over {F, M}, y Bernoulli(positiveRate), all independent. */
  static Generated of(int n, double positiveRate, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] y = new int[n];
    String[] race = new String[n];
    String[] sex = new String[n];
    String[] races = {"a", "b", "c"};
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < positiveRate ? 1 : 0;
      race[i] = races[r.nextInt(3)];
      sex[i] = r.nextBoolean() ? "F" : "M";
    }
    return new Generated(y, race, sex);
  }

  /** Bernoulli(rate) predictions independent of everything else. */
  int[] randomPredictions(double rate, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] out = new int[y.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.nextDouble() < rate ? 1 : 0;
    }
    return out;
  }

  ProtectedAttributes attributes() {
    return Fixtures.attributes("race", race, "sex", sex);
  }
}
