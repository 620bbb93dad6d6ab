package org.trustml.pruning.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Independent tasks on a fixed pool, their results collected in submission order, so a caller's output does not
 * depend on the thread count. A task's unchecked exception reaches the caller as it was thrown; the pool is stopped
 * however the call ends.
 */
public final class OrderedTasks {

  private OrderedTasks() {}

  /** The results of {@code tasks} in order, computed on up to {@code threads} threads. */
  public static <T> List<T> run(int threads, List<Callable<T>> tasks, String what) {
    return run(threads, tasks, what, i -> {});
  }

  /**
   * The same; {@code beforeWaiting} is told, on the calling thread and in order, the index of each task before its
   * result is awaited (progress, cancellation: whatever it throws stops the rest).
   */
  public static <T> List<T> run(int threads, List<Callable<T>> tasks, String what, IntConsumer beforeWaiting) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, tasks.size())));
    try {
      List<Future<T>> pending = new ArrayList<>();
      for (Callable<T> task : tasks) {
        pending.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (int i = 0; i < pending.size(); i++) {
        beforeWaiting.accept(i);
        results.add(await(pending.get(i), what));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A future's result; its task's unchecked exception rethrown as it was, an interrupt as an unchecked one. */
  public static <T> T await(Future<T> future, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
