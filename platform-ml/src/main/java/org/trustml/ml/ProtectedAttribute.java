package org.trustml.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A protected column of a loaded table, kept out of the features: one code per row, an index into
 * {@code categories}. A split encoded with an earlier fit lists the fitted categories first, then any value the fit
 * had not seen, in order of appearance: the group of every row stays known.
 *
 * @param name the column
 * @param categories the category of each code
 * @param codes one per row (not copied: treat as read-only)
 */
public record ProtectedAttribute(String name, List<String> categories, int[] codes) {

  /** Copies the categories. */
  public ProtectedAttribute {
    categories = List.copyOf(categories);
  }

  /** The codes as an int32 vector owned by {@code manager}. */
  public NDArray toNDArray(NDManager manager) {
    return manager.create(codes);
  }
}
