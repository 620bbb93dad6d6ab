package org.trustml.pruning.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.trustml.pruning.manifold.ClassIndex;

/**
 * The coverage of a class-balanced coreset, class by class and overall.
 *
 * @param classes per class code, in code order
 * @param auc     the classes' AUCs weighted by their sizes
 */
public record CoverageReport(List<ClassCoverage> classes, double auc) {

  /** Samples per class used to estimate the nearest-neighbour spacing (each against its whole class). */
  public static final int SPACING_SAMPLE = 1000;

  /**
   * Measures the coverage of the kept samples.
   *
   * @param points    row-major embeddings, one row per sample (the space the methods selected in)
   * @param dimension columns per row
   * @param labels    class code per sample, codes 0 … C−1
   * @param keep      whether each sample is kept
   * @param seed      chooses the samples of the spacing estimate
   * @throws IllegalArgumentException for mismatched lengths or a class with no kept sample
   */
  public static CoverageReport of(double[] points, int dimension, int[] labels, boolean[] keep, long seed) {
    if (dimension < 1 || points.length != (long) labels.length * dimension || keep.length != labels.length) {
      throw new IllegalArgumentException(labels.length + " labels and " + keep.length + " kept flags for "
          + points.length + " values of dimension " + dimension);
    }
    List<ClassCoverage> classes = new ArrayList<>();
    double weighted = 0;
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> members = ClassIndex.members(labels);
    for (int c = 0; c < members.size(); c++) {
      ClassCoverage cc = ofClass(points, dimension, members.get(c), keep, random.split(), c);
      classes.add(cc);
      weighted += cc.auc() * cc.samples();
    }
    return new CoverageReport(List.copyOf(classes), weighted / labels.length);
  }

  /** Share of all samples within their class's radius of a kept sample. */
  public double coveredAtRadius() {
    return classes.stream().mapToDouble(c -> c.coveredAtRadius() * c.samples()).sum()
        / classes.stream().mapToInt(ClassCoverage::samples).sum();
  }

  /** The largest class covering radius. */
  public double coveringRadius() {
    return classes.stream().mapToDouble(ClassCoverage::coveringRadius).max().orElse(0);
  }

  /** Share of all kept samples that are redundant (classes with one kept sample count none). */
  public double redundantFraction() {
    return classes.stream().mapToDouble(c -> c.redundantFraction() == null ? 0 : c.redundantFraction() * c.kept())
        .sum() / classes.stream().mapToInt(ClassCoverage::kept).sum();
  }

  private static ClassCoverage ofClass(double[] points, int dimension, int[] members, boolean[] keep,
      SplittableRandom random, int code) {
    int[] kept = Arrays.stream(members).filter(i -> keep[i]).toArray();
    if (kept.length == 0) {
      throw new IllegalArgumentException("class " + code + " has no kept sample: coverage is undefined");
    }
    double[] d = NearestKept.distances(points, dimension, members, kept, false);
    double radius = medianDistanceToMean(points, dimension, members);
    double auc = 0;
    int within = 0;
    double covering = 0;
    double[] pruned = new double[members.length - kept.length];
    int p = 0;
    for (int a = 0; a < members.length; a++) {
      auc += radius > 0 ? Math.max(0, 1 - d[a] / radius) : (d[a] == 0 ? 1 : 0);
      within += d[a] <= radius ? 1 : 0;
      covering = Math.max(covering, d[a]);
      if (!keep[members[a]]) {
        pruned[p++] = d[a];
      }
    }
    double medianPruned = pruned.length == 0 ? 0 : median(pruned);
    double spacing = spacing(points, dimension, members, random);
    Double redundant = null;
    if (kept.length > 1) {
      double[] keptNn = NearestKept.distances(points, dimension, kept, kept, true);
      redundant = Arrays.stream(keptNn).filter(x -> x < spacing).count() / (double) kept.length;
    }
    return new ClassCoverage(members.length, kept.length, radius, auc / members.length,
        within / (double) members.length, covering, medianPruned, spacing, redundant);
  }

  private static double medianDistanceToMean(double[] points, int dimension, int[] members) {
    double[] mean = new double[dimension];
    for (int i : members) {
      for (int k = 0; k < dimension; k++) {
        mean[k] += points[i * dimension + k] / members.length;
      }
    }
    double[] d = new double[members.length];
    for (int a = 0; a < members.length; a++) {
      double sum = 0;
      for (int k = 0; k < dimension; k++) {
        double t = points[members[a] * dimension + k] - mean[k];
        sum += t * t;
      }
      d[a] = Math.sqrt(sum);
    }
    return median(d);
  }

  /** Median nearest-neighbour distance of up to {@link #SPACING_SAMPLE} seeded members against the whole class. */
  private static double spacing(double[] points, int dimension, int[] members, SplittableRandom random) {
    if (members.length < 2) {
      return 0;
    }
    int[] sample = members.clone();
    int m = Math.min(SPACING_SAMPLE, sample.length);
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(sample.length - i);
      int t = sample[i];
      sample[i] = sample[j];
      sample[j] = t;
    }
    return median(NearestKept.distances(points, dimension, Arrays.copyOf(sample, m), members, true));
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
