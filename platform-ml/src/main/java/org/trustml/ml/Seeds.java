package org.trustml.ml;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Every random choice of a computation derives from one seed: the engine's generator (weight initialisation) and
 * Java-side generators (shuffles) alike.
 *
 * <p>The engine's generator is global to the JVM, and workers run jobs in parallel, so seeding it and drawing from
 * it happen together under one lock ({@link #withEngineSeed}); two jobs initialising at once then each get the
 * weights their own seed gives. Draws outside that lock (e.g. dropout during training) are not reproducible when
 * jobs overlap; the blocks in {@link Models} make none.
 */
public final class Seeds {

  private static final Object ENGINE_RNG = new Object();

  private Seeds() {}

  /** The engine's seed for a job seed: the engine takes an int, so the long's halves are folded together. */
  public static int engineSeed(long seed) {
    return Long.hashCode(seed);
  }

  /** A Java-side generator for shuffles and sampling; split it for independent streams. */
  public static SplittableRandom newRandom(long seed) {
    return new SplittableRandom(seed);
  }

  /**
   * A uniformly random permutation of {@code 0..n-1} (Fisher–Yates).
   *
   * @param random the generator; advanced
   */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * Seeds the engine's generator and runs {@code action} while no other thread can seed or draw through this
   * method, so what {@code action} draws depends only on {@code seed}.
   */
  public static <T> T withEngineSeed(Engine engine, long seed, Supplier<T> action) {
    synchronized (ENGINE_RNG) {
      engine.setRandomSeed(engineSeed(seed));
      return action.get();
    }
  }
}
