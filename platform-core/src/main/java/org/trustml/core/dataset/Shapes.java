package org.trustml.core.dataset;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic on array shapes shared by the IDX and NPY code. */
final class Shapes {

  /** Java arrays cannot hold more elements than this (the VM reserves a few header words). */
  static final int MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

  private Shapes() {}

  /** The number of elements, or -1 if it does not fit in a long. */
  static long elementCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      try {
        n = Math.multiplyExact(n, (long) d);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return n;
  }

  /** The number of bytes of data, or -1 if it does not fit in a long. */
  static long byteCount(int[] shape, int elementSize) {
    long n = elementCount(shape);
    if (n < 0) {
      return -1;
    }
    try {
      return Math.multiplyExact(n, (long) elementSize);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  static List<Integer> toList(int[] shape) {
    List<Integer> list = new ArrayList<>(shape.length);
    for (int d : shape) {
      list.add(d);
    }
    return list;
  }

  static String format(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** Checks that an array of this shape can be loaded into one Java array. */
  static int loadableCount(int[] shape, String what) {
    long n = elementCount(shape);
    if (n < 0 || n > MAX_ARRAY_ELEMENTS) {
      throw Problems.tooLarge(
          what + " of shape " + format(shape) + " has too many elements to load into memory (at most "
              + MAX_ARRAY_ELEMENTS + ")");
    }
    return (int) n;
  }
}
