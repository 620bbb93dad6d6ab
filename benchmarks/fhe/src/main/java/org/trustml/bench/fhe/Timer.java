package org.trustml.bench.fhe;

import java.util.Arrays;

/** Median wall time of an operation after a warm-up long enough for the JIT to compile the hot loops. */
final class Timer {

  private Timer() {}

  static double medianMillis(int reps, Runnable body) {
    long warmUntil = System.nanoTime() + 1_500_000_000L;
    for (int i = 0; i < Math.max(20, reps) || System.nanoTime() < warmUntil; i++) {
      body.run();
    }
    double[] samples = new double[reps];
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      body.run();
      samples[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(samples);
    return samples[reps / 2];
  }
}
