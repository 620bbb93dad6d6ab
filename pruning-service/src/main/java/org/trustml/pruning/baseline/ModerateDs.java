package org.trustml.pruning.baseline;

import java.util.Arrays;
import org.trustml.pruning.selection.Selector;

/**
 * Moderate-DS (Xia et al., "Moderate Coreset", ICLR 2023), in each group: d_i = ‖z_i − c‖ with c the group's centre,
 * then keep the m samples whose distance is closest to the median distance, dropping both the easiest (nearest the
 * centre) and the hardest (farthest) ends. The seed plays no part; ties go to the lower id.
 *
 * <p>Two switches, because the paper and its code differ in detail. {@link Centre#MEDIAN} is the coordinate-wise
 * median feature, as the official code's {@code get_median} computes it (the paper speaks of the class centre;
 * {@link Centre#MEAN} is the mean). {@link Band#VALUE} keeps the m smallest |d_i − median(d)|, the paper's rule
 * (median of an even count: the mean of the two middle values); {@link Band#RANK} keeps the middle m of the sorted
 * distances, positions [⌊(n − m)/2⌋, ⌊(n − m)/2⌋ + m), which is what the code's rank window does (it rounds the
 * window's ends instead, so its coreset may be one sample off m). They differ only when the distances are skewed.
 *
 * <p>Score: d_i.
 */
public record ModerateDs(Centre centre, Band band) implements PruningMethod {

  /** The group centre distances are measured from. */
  public enum Centre { MEDIAN, MEAN }

  /** Which "middle" is kept. */
  public enum Band { VALUE, RANK }

  /** Median centre, the paper's value band. */
  public static ModerateDs defaults() {
    return new ModerateDs(Centre.MEDIAN, Band.VALUE);
  }

  /** Checks the switches. */
  public ModerateDs {
    if (centre == null || band == null) {
      throw new IllegalArgumentException("centre and band must be given");
    }
  }

  @Override
  public String name() {
    return "moderate";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    float[][] z = input.requireEmbeddings(name());
    double[] distance = new double[input.size()];
    var result = Selector.partitioned(input.labels(), run.classBalanced(), run.pruneRate(), run.budget(), run.seed(),
        distance, 0, (members, budget, random, strata) -> {
          int n = members.length;
          double[] c = centre(z, members);
          double[] d = new double[n];
          for (int p = 0; p < n; p++) {
            d[p] = Math.sqrt(Vectors.squaredDistance(z[members[p]], c));
            distance[members[p]] = d[p];
          }
          Integer[] order = new Integer[n];
          for (int p = 0; p < n; p++) {
            order[p] = p;
          }
          int[] kept = new int[budget];
          if (band == Band.RANK) {
            Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
            int low = (n - budget) / 2;
            for (int t = 0; t < budget; t++) {
              kept[t] = order[low + t];
            }
          } else {
            double median = median(d.clone());
            Arrays.sort(order, (a, b) -> {
              int cmp = Double.compare(Math.abs(d[a] - median), Math.abs(d[b] - median));
              return cmp != 0 ? cmp : Integer.compare(a, b);
            });
            for (int t = 0; t < budget; t++) {
              kept[t] = order[t];
            }
          }
          return kept;
        });
    return new PruningOutcome(name(), result, distance);
  }

  private double[] centre(float[][] z, int[] members) {
    int dim = z[members[0]].length;
    double[] c = new double[dim];
    double[] column = new double[members.length];
    for (int k = 0; k < dim; k++) {
      for (int p = 0; p < members.length; p++) {
        column[p] = z[members[p]][k];
      }
      if (centre == Centre.MEDIAN) {
        c[k] = median(column);
      } else {
        double s = 0;
        for (double v : column) {
          s += v;
        }
        c[k] = s / members.length;
      }
    }
    return c;
  }

  /** The median, numpy's convention (mean of the two middle values for an even count); sorts {@code values}. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
