package org.trustml.fairness.boost;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Grows depth-limited trees on {@link BinnedFeatures} from per-row statistics (see {@link SplitCriterion}).
 *
 * <p>Each node's histogram holds, per feature and bin, the sums of the two statistics and the row count. Only the
 * smaller child's histogram is built from its rows; the larger one is the parent's minus it. Rows are partitioned
 * in place in one index array, so at the end every fitted row's leaf is known without a second traversal.
 *
 * <p>One grower serves one binned training set and reuses its buffers; it is not thread-safe.
 */
public final class HistogramTreeGrower {

  private final BinnedFeatures data;
  private final TreeParams params;
  private final SplitCriterion criterion;
  private final ArrayDeque<Histogram> pool = new ArrayDeque<>();
  private int[] order;
  private double[] a;
  private double[] b;
  private NodeList nodes;

  public HistogramTreeGrower(BinnedFeatures data, TreeParams params, SplitCriterion criterion) {
    this.data = data;
    this.params = params;
    this.criterion = criterion;
  }

  /**
   * Fits a tree to the rows listed in {@code fitRows} with statistics {@code a}, {@code b} (indexed by row of the
   * whole set). Rows not listed still get a leaf in the result (routed by their bins).
   */
  public GrownTree grow(double[] a, double[] b, int[] fitRows) {
    if (a.length != data.rows() || b.length != data.rows()) {
      throw new IllegalArgumentException("one statistic per binned row is required");
    }
    if (fitRows.length == 0) {
      throw new IllegalArgumentException("a tree needs at least one row to fit");
    }
    this.a = a;
    this.b = b;
    this.order = fitRows.clone();
    this.nodes = new NodeList();
    int[] leafOfRow = new int[data.rows()];
    Arrays.fill(leafOfRow, -1);
    double sumA = 0;
    double sumB = 0;
    for (int i : order) {
      sumA += a[i];
      sumB += b[i];
    }
    Histogram root = borrow();
    root.build(0, order.length, sumA, sumB);
    growNode(root, 0, order.length, 0, sumA, sumB, leafOfRow);
    Tree tree = nodes.toTree(data);
    for (int i = 0; i < leafOfRow.length; i++) {
      if (leafOfRow[i] < 0) {
        leafOfRow[i] = nodes.leafOfBinnedRow(data, i);
      }
    }
    return new GrownTree(tree, leafOfRow);
  }

  /** Grows the subtree of rows {@code order[start, end)}, consuming {@code hist}; returns its node index. */
  private int growNode(Histogram hist, int start, int end, int depth, double sumA, double sumB, int[] leafOfRow) {
    int node = nodes.add();
    int count = end - start;
    boolean pure = criterion == SplitCriterion.GINI && (sumA <= 0 || sumA >= sumB);
    Split split = depth >= params.maxDepth() || count < 2 * params.minSamplesLeaf() || pure
        ? null : bestSplit(hist, sumA, sumB, count);
    if (split == null) {
      release(hist);
      nodes.leaf(node, criterion.leafValue(sumA, sumB, params.lambda()));
      for (int k = start; k < end; k++) {
        leafOfRow[order[k]] = node;
      }
      return node;
    }
    int mid = partition(start, end, split.feature, split.bin);
    double leftA = 0;
    double leftB = 0;
    for (int k = start; k < mid; k++) {
      leftA += a[order[k]];
      leftB += b[order[k]];
    }
    double rightA = sumA - leftA;
    double rightB = sumB - leftB;
    Histogram small = borrow();
    Histogram large = hist;
    boolean leftSmaller = mid - start <= end - mid;
    if (leftSmaller) {
      small.build(start, mid, leftA, leftB);
    } else {
      small.build(mid, end, rightA, rightB);
    }
    large.subtract(small);
    Histogram leftHist = leftSmaller ? small : large;
    Histogram rightHist = leftSmaller ? large : small;
    int leftNode = growNode(leftHist, start, mid, depth + 1, leftA, leftB, leafOfRow);
    int rightNode = growNode(rightHist, mid, end, depth + 1, rightA, rightB, leafOfRow);
    nodes.split(node, split.feature, split.bin, leftNode, rightNode, criterion.leafValue(sumA, sumB, params.lambda()));
    return node;
  }

  private record Split(int feature, int bin) { }

  private Split bestSplit(Histogram h, double sumA, double sumB, int count) {
    double lambda = params.lambda();
    double parent = criterion.score(sumA, sumB, lambda);
    double bestGain = 1e-12 * Math.max(Math.abs(parent), 1e-300);
    int bestFeature = -1;
    int bestBin = -1;
    int minLeaf = params.minSamplesLeaf();
    for (int f = 0; f < data.width(); f++) {
      int offset = data.binOffset(f);
      int bins = data.bins(f);
      double la = 0;
      double lb = 0;
      int lc = 0;
      for (int bin = 0; bin < bins - 1; bin++) {
        int s = offset + bin;
        la += h.a[s];
        lb += h.b[s];
        lc += h.count[s];
        if (lc < minLeaf) {
          continue;
        }
        if (count - lc < minLeaf) {
          break;
        }
        if (h.count[s] == 0 && bin > 0) {
          continue; // same partition as the previous bin
        }
        double gain = criterion.score(la, lb, lambda) + criterion.score(sumA - la, sumB - lb, lambda) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestBin = bin;
        }
      }
    }
    return bestFeature < 0 ? null : new Split(bestFeature, bestBin);
  }

  /** Moves rows with {@code bin(feature) <= bin} to the front of {@code order[start, end)}; returns the boundary. */
  private int partition(int start, int end, int feature, int bin) {
    byte[] columns = data.columns();
    int base = feature * data.rows();
    int i = start;
    int j = end - 1;
    while (i <= j) {
      if ((columns[base + order[i]] & 0xFF) <= bin) {
        i++;
      } else {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        j--;
      }
    }
    return i;
  }

  private Histogram borrow() {
    Histogram h = pool.poll();
    return h != null ? h : new Histogram(data.totalBins());
  }

  private void release(Histogram h) {
    pool.push(h);
  }

  /** Per-slot sums for one node. */
  private final class Histogram {
    final double[] a;
    final double[] b;
    final int[] count;

    Histogram(int slots) {
      a = new double[slots];
      b = new double[slots];
      count = new int[slots];
    }

    /** Sums the rows {@code order[start, end)}; default bins get the node total minus the stored entries. */
    void build(int start, int end, double sumA, double sumB) {
      Arrays.fill(a, 0);
      Arrays.fill(b, 0);
      Arrays.fill(count, 0);
      int[] rowStart = data.rowStart();
      int[] slots = data.entrySlots();
      double[] rowA = HistogramTreeGrower.this.a;
      double[] rowB = HistogramTreeGrower.this.b;
      for (int k = start; k < end; k++) {
        int i = order[k];
        double ai = rowA[i];
        double bi = rowB[i];
        for (int e = rowStart[i], stop = rowStart[i + 1]; e < stop; e++) {
          int s = slots[e];
          a[s] += ai;
          b[s] += bi;
          count[s]++;
        }
      }
      int rows = end - start;
      for (int f = 0; f < data.width(); f++) {
        int offset = data.binOffset(f);
        int def = offset + data.defaultBin(f);
        double sa = 0;
        double sb = 0;
        int sc = 0;
        for (int s = offset, stop = offset + data.bins(f); s < stop; s++) {
          sa += a[s];
          sb += b[s];
          sc += count[s];
        }
        a[def] = sumA - sa;
        b[def] = sumB - sb;
        count[def] = rows - sc;
      }
    }

    void subtract(Histogram other) {
      for (int s = 0; s < a.length; s++) {
        a[s] -= other.a[s];
        b[s] -= other.b[s];
        count[s] -= other.count[s];
      }
    }
  }

  /** Nodes in creation (pre-)order, splits kept in bin space until the tree is exported. */
  private static final class NodeList {
    int[] feature = new int[16];
    int[] bin = new int[16];
    int[] left = new int[16];
    int[] right = new int[16];
    double[] value = new double[16];
    int size;

    int add() {
      if (size == feature.length) {
        int n = size * 2;
        feature = Arrays.copyOf(feature, n);
        bin = Arrays.copyOf(bin, n);
        left = Arrays.copyOf(left, n);
        right = Arrays.copyOf(right, n);
        value = Arrays.copyOf(value, n);
      }
      return size++;
    }

    void leaf(int node, double v) {
      feature[node] = -1;
      bin[node] = -1;
      left[node] = -1;
      right[node] = -1;
      value[node] = v;
    }

    void split(int node, int f, int b, int l, int r, double v) {
      feature[node] = f;
      bin[node] = b;
      left[node] = l;
      right[node] = r;
      value[node] = v;
    }

    int leafOfBinnedRow(BinnedFeatures data, int row) {
      int node = 0;
      while (feature[node] >= 0) {
        node = data.bin(feature[node], row) <= bin[node] ? left[node] : right[node];
      }
      return node;
    }

    Tree toTree(BinnedFeatures data) {
      float[] threshold = new float[size];
      for (int k = 0; k < size; k++) {
        threshold[k] = feature[k] >= 0 ? data.threshold(feature[k], bin[k]) : 0f;
      }
      return new Tree(Arrays.copyOf(feature, size), threshold, Arrays.copyOf(left, size),
          Arrays.copyOf(right, size), Arrays.copyOf(value, size));
    }
  }
}
