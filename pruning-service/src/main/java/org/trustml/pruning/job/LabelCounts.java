package org.trustml.pruning.job;

/**
 * Class sizes of integer image labels, which must be the class codes 0 … C − 1 with C ≥ 2.
 *
 * @param sizes samples per class code
 * @param codes the codes 0 … C − 1
 */
record LabelCounts(int[] sizes, int[] codes) {

  /** Counts {@code labels}; a negative label or a single class is a 400 naming {@code field}. */
  static LabelCounts of(int[] labels, String field) {
    int max = -1;
    for (int l : labels) {
      if (l < 0) {
        throw PruningProblems.of("invalid-labels", field, "label " + l + " is negative; labels are the class codes "
            + "0 … classes − 1");
      }
      max = Math.max(max, l);
    }
    if (max < 1) {
      throw PruningProblems.of("invalid-labels", field, "the labels hold " + (max + 1) + " class; an encoder needs "
          + "at least two");
    }
    int[] sizes = new int[max + 1];
    for (int l : labels) {
      sizes[l]++;
    }
    int[] codes = new int[max + 1];
    for (int c = 0; c < codes.length; c++) {
      codes[c] = c;
    }
    return new LabelCounts(sizes, codes);
  }

  /** The counts of classes coded 0 … C − 1 in order, e.g. an image folder's class folders. */
  static LabelCounts ofSizes(int[] sizes) {
    int[] codes = new int[sizes.length];
    for (int c = 0; c < codes.length; c++) {
      codes[c] = c;
    }
    return new LabelCounts(sizes.clone(), codes);
  }

  /** Number of classes. */
  int classes() {
    return sizes.length;
  }
}
