package org.trustml.fairness.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trustml.fairness.data.FairProblem;

/** Seeded splits that keep every (label, intersectional cell) stratum in proportion. */
public final class Splits {

  private Splits() {}

  /** Row indices of the two parts, each ascending. */
  public record Split(int[] train, int[] held) {}

  /** Holds out {@code fraction} of each stratum (rounded), at least one row of every stratum with two or more. */
  public static Split stratified(FairProblem p, double fraction, long seed) {
    Map<Long, List<Integer>> strata = new HashMap<>();
    for (int i = 0; i < p.rows(); i++) {
      strata.computeIfAbsent((long) p.cells()[i] * 2 + p.labels()[i], k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    boolean[] held = new boolean[p.rows()];
    strata.keySet().stream().sorted().forEach(key -> {
      List<Integer> rows = strata.get(key);
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
    for (int i = 0; i < p.rows(); i++) {
      (held[i] ? b : a).add(i);
    }
    return new Split(a.stream().mapToInt(Integer::intValue).toArray(),
        b.stream().mapToInt(Integer::intValue).toArray());
  }
}
