package org.trustml.pruning.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.trustml.pruning.manifold.ExactNearestNeighbors;
import org.trustml.pruning.manifold.KnnGraph;
import org.trustml.pruning.manifold.Metric;
import org.trustml.pruning.manifold.NearestNeighborDescent;
import org.trustml.pruning.manifold.UmapParams;
import org.trustml.pruning.selection.Selector;

/**
 * D2 pruning (Maharana, Yadav and Bansal, ICLR 2024, arXiv 2310.07931), in each group, as the authors' code runs it
 * for CIFAR ({@code GraphDensitySampler} with {@code graph_mode=sum}, {@code graph_sampling_mode=weighted}, per
 * class):
 * <ol>
 *   <li>hard cut-off: the ⌊β·n⌋ hardest samples are removed first (the code's {@code --mis-ratio}; never more than
 *       n − m);
 *   <li>graph: the k nearest neighbours of every remaining sample (Euclidean, self excluded), made symmetric
 *       (j is a neighbour of i when either is among the other's k nearest);
 *   <li>forward message passing: density_i = s_i + Σ_{j ∈ N(i)} w_f(d_ij)·max(s_j, ε), ε = 1e-7, with s the
 *       difficulty (the score when high is hard; max − score when low is hard, e.g. AUM);
 *   <li>reverse message passing while selecting: m times, take the unselected sample i of highest density (ties: the
 *       lower id) and lower every unselected neighbour's density by w_r(d_ij)·density_i.
 * </ol>
 * Kernels ({@link D2Params.Kernel}): the code uses w(d) = exp(−γ·d) with γ_f = 1 in the forward pass; the paper
 * writes exp(−γ·d²). A group with at most k samples gets a uniform random sample (the code does the same).
 *
 * <p>Score: the density after the forward pass (the code's {@code starting_density}); 0 for samples removed by the
 * cut-off.
 */
public record D2Pruning(D2Params params, boolean hardestIsHigh) implements PruningMethod {

  private static final double EPSILON = 1e-7;

  /** Checks the settings. */
  public D2Pruning {
    if (params == null) {
      throw new IllegalArgumentException("D2 params must be given");
    }
  }

  @Override
  public String name() {
    return "d2";
  }

  @Override
  public PruningOutcome prune(PruningInput input, PruningRun run) {
    float[][] z = input.requireEmbeddings(name());
    double[] raw = input.requireScores(name());
    double[] density = new double[input.size()];
    var result = Selector.partitioned(input.labels(), run.classBalanced(), run.pruneRate(), run.budget(), run.seed(),
        density, params.beta(), (members, budget, random, strata) -> {
          int[] pool = afterCutoff(members, budget, raw);
          if (pool.length <= params.k()) {
            return randomPositions(pool, budget, random);
          }
          double[] s = difficulty(members, pool, raw);
          SymmetricGraph graph = SymmetricGraph.of(knn(z, members, pool, random.nextLong()));
          double[] d = forward(graph, s);
          for (int q = 0; q < pool.length; q++) {
            density[members[pool[q]]] = d[q];
          }
          return reverse(graph, d.clone(), pool, budget);
        });
    return new PruningOutcome(name(), result, density);
  }

  /** Positions (within the group) left after the hard cut-off, ascending. */
  private int[] afterCutoff(int[] members, int budget, double[] raw) {
    int n = members.length;
    int removed = Math.min((int) Math.floor(params.beta() * n + 1e-9), n - budget);
    Integer[] byHardness = new Integer[n];
    for (int p = 0; p < n; p++) {
      byHardness[p] = p;
    }
    Arrays.sort(byHardness, (a, b) -> {
      int c = hardestIsHigh ? Double.compare(raw[members[b]], raw[members[a]])
          : Double.compare(raw[members[a]], raw[members[b]]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    boolean[] dropped = new boolean[n];
    for (int r = 0; r < removed; r++) {
      dropped[byHardness[r]] = true;
    }
    int[] pool = new int[n - removed];
    int q = 0;
    for (int p = 0; p < n; p++) {
      if (!dropped[p]) {
        pool[q++] = p;
      }
    }
    return pool;
  }

  private double[] difficulty(int[] members, int[] pool, double[] raw) {
    double[] s = new double[pool.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int q = 0; q < pool.length; q++) {
      s[q] = raw[members[pool[q]]];
      max = Math.max(max, s[q]);
    }
    if (!hardestIsHigh) {
      for (int q = 0; q < s.length; q++) {
        s[q] = max - s[q];
      }
    }
    return s;
  }

  private KnnGraph knn(float[][] z, int[] members, int[] pool, long seed) {
    int n = pool.length;
    int dim = z[members[0]].length;
    double[] flat = new double[n * dim];
    for (int q = 0; q < n; q++) {
      float[] row = z[members[pool[q]]];
      for (int k = 0; k < dim; k++) {
        flat[q * dim + k] = row[k];
      }
    }
    // brute force costs n²/2 distances: above the manifold stage's limit, seeded NN-descent (recall ≈ 0.99)
    return n <= UmapParams.AUTO_EXACT_LIMIT
        ? ExactNearestNeighbors.compute(flat, dim, params.k(), Metric.EUCLIDEAN)
        : NearestNeighborDescent.compute(flat, dim, params.k(), Metric.EUCLIDEAN, seed);
  }

  /** Forward message passing: each node's difficulty plus its neighbours', weighted by the forward kernel. */
  double[] forward(SymmetricGraph graph, double[] s) {
    double[] density = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      double sum = s[i];
      for (int e = graph.start(i); e < graph.start(i + 1); e++) {
        sum += params.forwardWeight(graph.distance(e)) * Math.max(s[graph.neighbor(e)], EPSILON);
      }
      density[i] = sum;
    }
    return density;
  }

  /**
   * Reverse message passing: picks the densest unselected node, then lowers its unselected neighbours' densities.
   *
   * @param density modified
   * @return the picked positions within the group (pool entries)
   */
  int[] reverse(SymmetricGraph graph, double[] density, int[] pool, int budget) {
    boolean[] selected = new boolean[density.length];
    int[] kept = new int[budget];
    for (int t = 0; t < budget; t++) {
      int best = -1;
      for (int i = 0; i < density.length; i++) {
        if (!selected[i] && (best < 0 || density[i] > density[best])) {
          best = i;
        }
      }
      selected[best] = true;
      kept[t] = pool[best];
      for (int e = graph.start(best); e < graph.start(best + 1); e++) {
        int j = graph.neighbor(e);
        if (!selected[j]) {
          density[j] -= params.reverseWeight(graph.distance(e)) * density[best];
        }
      }
    }
    return kept;
  }

  private static int[] randomPositions(int[] pool, int budget, SplittableRandom random) {
    int[] copy = pool.clone();
    for (int a = 0; a < budget; a++) {
      int b = a + random.nextInt(copy.length - a);
      int t = copy[a];
      copy[a] = copy[b];
      copy[b] = t;
    }
    return Arrays.copyOf(copy, budget);
  }
}
