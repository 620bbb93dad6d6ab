package org.trustml.ml;

import java.util.function.Supplier;

/**
 * DJL's PyTorch engine lets only one {@code GradientCollector} exist in a JVM at a time (a second one throws
 * "A PtGradientCollector is already collecting"), while job workers train in parallel. Every forward-backward-step
 * in this module runs inside {@link #collect}, so concurrent training jobs take turns batch by batch instead of
 * failing; code that opens its own collector must do the same.
 */
public final class GradientLock {

  private static final Object LOCK = new Object();

  private GradientLock() {}

  /** Runs {@code step} (which opens, uses and closes a gradient collector) while no other thread collects. */
  public static <T> T collect(Supplier<T> step) {
    synchronized (LOCK) {
      return step.get();
    }
  }
}
