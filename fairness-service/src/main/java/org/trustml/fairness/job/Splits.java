package org.trustml.fairness.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trustml.fairness.data.FairProblem;

/** Seeded splits that keep every stratum (by default: label and intersectional cell) in proportion. */
public final class Splits {

  private Splits() {}

  /** Row indices of the two parts, each ascending. */
  public record Split(int[] train, int[] held) {}

  /** Holds out {@code fraction} of each (label, cell) stratum; see {@link #stratified(long[], double, long)}. */
  public static Split stratified(FairProblem p, double fraction, long seed) {
    long[] keys = new long[p.rows()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = (long) p.cells()[i] * 2 + p.labels()[i];
    }
    return stratified(keys, fraction, seed);
  }

  /**
   * Holds out {@code fraction} of each stratum (rounded), at least one row of every stratum with two or more.
   *
   * @param strata the stratum key of each row (not modified)
   */
  public static Split stratified(long[] strata, double fraction, long seed) {
    Map<Long, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < strata.length; i++) {
      byKey.computeIfAbsent(strata[i], k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    boolean[] held = new boolean[strata.length];
    byKey.keySet().stream().sorted().forEach(key -> {
      List<Integer> rows = byKey.get(key);
      Collections.shuffle(rows, random);
      int k = (int) Math.round(rows.size() * fraction);
      if (k == 0 && rows.size() >= 2 && fraction > 0) {
        k = 1;
      }
      for (int i = 0; i < k; i++) {
        held[rows.get(i)] = true;
      }
    });
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    for (int i = 0; i < strata.length; i++) {
      (held[i] ? b : a).add(i);
    }
    return new Split(a.stream().mapToInt(Integer::intValue).toArray(),
        b.stream().mapToInt(Integer::intValue).toArray());
  }
}
