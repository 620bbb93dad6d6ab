package org.trustml.pruning.manifold;

/**
 * Told as UMAP advances, so a job can report progress and stop a cancelled run: an exception thrown here ends the
 * embedding and reaches the caller. Called from the threads that embed the classes, so implementations must be
 * thread-safe. Listening never changes the result.
 */
public interface ManifoldListener {

  /** Hears nothing. */
  ManifoldListener NONE = new ManifoldListener() {};

  /** The kNN graph of a group of {@code samples} points is built. */
  default void knnDone(int samples) {}

  /** Its fuzzy simplicial set is built. */
  default void fuzzySetDone(int samples) {}

  /** Layout epoch {@code epoch} (1-based) of {@code epochs} of a group of {@code samples} points is done. */
  default void layoutEpochDone(int samples, int epoch, int epochs) {}
}
