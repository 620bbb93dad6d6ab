package org.trustml.bench.pruning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trustml.pruning.topology.RipserCli.Interval;
import org.trustml.pruning.topology.PersistencePairs;

/**
 * Pair-for-pair comparison of one dimension: every ripser pair with persistence above a cut-off is matched to a
 * distinct one of ours with birth and death within the tolerance (essential to essential). Ours left unmatched
 * must not be longer than the cut-off plus twice the tolerance: a hard cut-off alone would count pairs whose
 * float and double persistence fall on either side of it.
 *
 * @param ours          our pairs with persistence above the cut-off
 * @param ripser        ripser's pairs with persistence above the cut-off
 * @param unmatched     pairs on either side above the cut-off without a partner
 * @param maxDifference the largest |birth or death difference| over matched pairs
 */
record DiagramComparison(int ours, int ripser, int unmatched, double maxDifference) {

  static DiagramComparison of(PersistencePairs pairs, List<Interval> ripser, double minPersistence,
      double tolerance) {
    List<Interval> mine = new ArrayList<>();
    for (int k = 0; k < pairs.size(); k++) {
      mine.add(new Interval(pairs.birth(k), pairs.death(k)));
    }
    mine.sort(Comparator.comparingDouble(Interval::birth));
    double[] births = mine.stream().mapToDouble(Interval::birth).toArray();
    boolean[] used = new boolean[mine.size()];
    int unmatched = 0;
    int ripserLong = 0;
    double max = 0;
    for (Interval r : ripser) {
      if (persistence(r) <= minPersistence) {
        continue;
      }
      ripserLong++;
      int best = -1;
      double bestDifference = Double.POSITIVE_INFINITY;
      for (int k = firstAtLeast(births, r.birth() - tolerance); k < births.length
          && births[k] <= r.birth() + tolerance; k++) {
        double difference = difference(mine.get(k), r);
        if (!used[k] && difference <= tolerance && difference < bestDifference) {
          best = k;
          bestDifference = difference;
        }
      }
      if (best < 0) {
        unmatched++;
      } else {
        used[best] = true;
        max = Math.max(max, bestDifference);
      }
    }
    int oursLong = 0;
    for (int k = 0; k < mine.size(); k++) {
      oursLong += persistence(mine.get(k)) > minPersistence ? 1 : 0;
      if (!used[k] && persistence(mine.get(k)) > minPersistence + 2 * tolerance) {
        unmatched++;
      }
    }
    return new DiagramComparison(oursLong, ripserLong, unmatched, max);
  }

  private static double persistence(Interval i) {
    return i.death() - i.birth();
  }

  private static double difference(Interval a, Interval b) {
    boolean essentialA = a.death() == Double.POSITIVE_INFINITY;
    boolean essentialB = b.death() == Double.POSITIVE_INFINITY;
    if (essentialA != essentialB) {
      return Double.POSITIVE_INFINITY;
    }
    double birth = Math.abs(a.birth() - b.birth());
    return essentialA ? birth : Math.max(birth, Math.abs(a.death() - b.death()));
  }

  private static int firstAtLeast(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  boolean agreesWithin(double tolerance) {
    return unmatched == 0 && maxDifference <= tolerance;
  }
}
