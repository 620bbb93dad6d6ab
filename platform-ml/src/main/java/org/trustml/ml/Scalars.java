package org.trustml.ml;

import ai.djl.ndarray.NDArray;

/**
 * Scalar operands for computations autograd differentiates by hand (outside DJL's blocks and losses).
 *
 * <p>DJL's {@code Number} overloads ({@code mul(2)}, {@code div(n)}, {@code maximum(0)}, …) make a 0-d array over a
 * direct buffer and close it as soon as the operation returns; the buffer's native memory is freed at the next
 * garbage collection, yet the autograd graph keeps the scalar for the backward pass of {@code mul}, {@code div},
 * {@code maximum} and the like, which then reads freed memory (FairBranch's fairness gradients came out as 1e11 now
 * and then, more often under memory pressure). A scalar from here lives on the operand's manager until that closes.
 */
public final class Scalars {

  private Scalars() {}

  /** {@code value} as a 0-d array of {@code like}'s data type, attached to {@code like}'s manager. */
  public static NDArray of(NDArray like, double value) {
    return like.getManager().create(value).toType(like.getDataType(), false);
  }
}
