package org.trustml.pruning.manifold;

import java.util.SplittableRandom;

/**
 * A Hierarchical Navigable Small World graph over the rows of a point matrix (Malkov &amp; Yashunin, "Efficient and
 * robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs", 2018), built and
 * searched as the paper's Algorithms 1, 2, 4 and 5: each point gets a top layer l = ⌊−ln U · m_L⌋ with
 * m_L = 1/ln M, descends greedily through the layers above l, and on layers l … 0 is linked to M neighbours chosen
 * by {@link NeighborSelection} among the {@code efConstruction} nearest found by a beam search; a neighbour whose
 * list overflows (M_max = M above layer 0, M_max0 = 2M on it) is shrunk by the same heuristic.
 *
 * <p>Deterministic: levels come from one seeded generator drawn in row order, points are inserted in row order, and
 * every heap breaks distance ties by index. Building is single-threaded; once built the index is read-only, so
 * {@link #nearest} may run on several threads at once, each with its own {@link Search}.
 */
public final class HnswIndex {

  /**
   * The paper's keepPrunedConnections, on: without it a point with exact duplicates keeps only a duplicate as
   * neighbour (every other candidate is as close to the duplicate as to the point) and the graph falls apart.
   */
  static final boolean KEEP_PRUNED = true;

  private final double[] points;
  private final int dimension;
  private final Metric metric;
  private final int m;
  private final int efConstruction;
  private final LayeredGraph graph;
  private int entryPoint = -1;
  private int topLevel = -1;

  private HnswIndex(double[] points, int dimension, Metric metric, int m, int efConstruction, int[] levels) {
    this.points = points;
    this.dimension = dimension;
    this.metric = metric;
    this.m = m;
    this.efConstruction = efConstruction;
    this.graph = new LayeredGraph(levels, m, 2 * m);
  }

  /**
   * Indexes every row.
   *
   * @param points         row-major, {@code dimension} values per row (not copied: must not change while indexed)
   * @param m              links per point and layer (M ≥ 2)
   * @param efConstruction the beam width while inserting (≥ 1)
   */
  public static HnswIndex build(double[] points, int dimension, Metric metric, int m, int efConstruction,
      long seed) {
    if (dimension < 1 || points.length % dimension != 0) {
      throw new IllegalArgumentException("points length " + points.length + " is not a multiple of dimension "
          + dimension);
    }
    if (m < 2 || efConstruction < 1) {
      throw new IllegalArgumentException("HNSW needs M ≥ 2 and efConstruction ≥ 1, got " + m + ", "
          + efConstruction);
    }
    int n = points.length / dimension;
    SplittableRandom random = new SplittableRandom(seed);
    double levelMultiplier = 1 / Math.log(m);
    int[] levels = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = randomLevel(random, levelMultiplier);
    }
    HnswIndex index = new HnswIndex(points, dimension, metric, m, efConstruction, levels);
    Search search = index.newSearch(efConstruction);
    for (int q = 0; q < n; q++) {
      index.insert(q, search);
    }
    return index;
  }

  /** ⌊−ln U · m_L⌋ with U uniform in (0, 1]: P(level ≥ l) = e^{−l/m_L}, which is M^{−l} for m_L = 1/ln M. */
  static int randomLevel(SplittableRandom random, double levelMultiplier) {
    return (int) Math.floor(-Math.log(1 - random.nextDouble()) * levelMultiplier);
  }

  /** Number of indexed points. */
  public int size() {
    return graph.size();
  }

  /** Point i's top layer. */
  public int level(int i) {
    return graph.level(i);
  }

  /** Point i's neighbours on {@code layer} (≤ its level). */
  int[] neighbors(int i, int layer) {
    int[] out = new int[graph.degree(i, layer)];
    for (int r = 0; r < out.length; r++) {
      out[r] = graph.neighbor(i, layer, r);
    }
    return out;
  }

  /** Working memory for one thread's searches with beams up to {@code width}. */
  public Search newSearch(int width) {
    return new Search(size(), Math.max(width, 2 * m + 1), 2 * m + 1);
  }

  /**
   * The approximate nearest indexed points to indexed point q, q itself included (Algorithm 5): greedy descent to
   * layer 1, then a beam search of width {@code ef} on layer 0.
   *
   * @param ef           beam width, at most the width {@code search} was made for
   * @param outIds       receives the found ids, nearest first, ties by index (length ≥ ef)
   * @param outDistances their distances
   * @return how many were found (ef, or fewer when the graph holds fewer points)
   */
  public int nearest(int q, int ef, Search search, int[] outIds, double[] outDistances) {
    int entry = entryPoint;
    for (int layer = topLevel; layer > 0; layer--) {
      entry = greedy(q, entry, layer);
    }
    search.entries[0] = entry;
    return searchLayer(q, 1, ef, 0, search, outIds, outDistances);
  }

  /** Algorithm 1. */
  private void insert(int q, Search s) {
    int level = graph.level(q);
    if (entryPoint < 0) {
      entryPoint = q;
      topLevel = level;
      return;
    }
    int entry = entryPoint;
    for (int layer = topLevel; layer > level; layer--) {
      entry = greedy(q, entry, layer);
    }
    s.entries[0] = entry;
    int entryCount = 1;
    for (int layer = Math.min(topLevel, level); layer >= 0; layer--) {
      int found = searchLayer(q, entryCount, efConstruction, layer, s, s.foundIds, s.foundDistances);
      int kept = NeighborSelection.select(s.foundIds, s.foundDistances, found, m, KEEP_PRUNED, this::distance,
          s.selected);
      graph.setNeighbors(q, layer, s.selected, kept);
      for (int r = 0; r < kept; r++) {
        int e = s.selected[r];
        if (!graph.add(e, layer, q)) {
          shrink(e, layer, q, s);
        }
      }
      // the whole beam enters the next layer down, as in the paper
      System.arraycopy(s.foundIds, 0, s.entries, 0, found);
      entryCount = found;
    }
    if (level > topLevel) {
      entryPoint = q;
      topLevel = level;
    }
  }

  /** e's list on {@code layer} is full: choose its M_max neighbours among them and the newcomer q. */
  private void shrink(int e, int layer, int q, Search s) {
    int degree = graph.degree(e, layer);
    NeighborHeap sorter = s.shrinkHeap;
    for (int r = 0; r < degree; r++) {
      int j = graph.neighbor(e, layer, r);
      sorter.pushDistinct(0, j, distance(e, j));
    }
    sorter.pushDistinct(0, q, distance(e, q));
    int count = sorter.drainSorted(0, s.shrinkIds, s.shrinkDistances);
    int kept = NeighborSelection.select(s.shrinkIds, s.shrinkDistances, count, graph.maxDegree(layer), KEEP_PRUNED,
        this::distance, s.shrunk);
    graph.setNeighbors(e, layer, s.shrunk, kept);
  }

  /** Moves to a closer neighbour on {@code layer} while there is one (the search with ef = 1). */
  private int greedy(int q, int entry, int layer) {
    int current = entry;
    double best = distance(q, current);
    boolean moved = true;
    while (moved) {
      moved = false;
      int from = current;
      int degree = graph.degree(from, layer);
      for (int r = 0; r < degree; r++) {
        int e = graph.neighbor(from, layer, r);
        double d = distance(q, e);
        if (d < best) {
          best = d;
          current = e;
          moved = true;
        }
      }
    }
    return current;
  }

  /** Algorithm 2: the {@code ef} nearest to q reachable on {@code layer} from the first entries of s.entries. */
  private int searchLayer(int q, int entryCount, int ef, int layer, Search s, int[] outIds, double[] outDistances) {
    NeighborHeap found = s.beam(ef);
    CandidateQueue candidates = s.candidates;
    candidates.clear();
    int mark = s.nextMark();
    for (int a = 0; a < entryCount; a++) {
      int entry = s.entries[a];
      s.visited[entry] = mark;
      double d = distance(q, entry);
      if (found.pushDistinct(0, entry, d)) {
        candidates.push(entry, d);
      }
    }
    while (!candidates.isEmpty()) {
      int c = candidates.nearestId();
      if (candidates.nearestDistance() > found.worstDistance(0)) {
        break;
      }
      candidates.pop();
      int degree = graph.degree(c, layer);
      for (int r = 0; r < degree; r++) {
        int e = graph.neighbor(c, layer, r);
        if (s.visited[e] != mark) {
          s.visited[e] = mark;
          double d = distance(q, e);
          if (found.pushDistinct(0, e, d)) {
            candidates.push(e, d);
          }
        }
      }
    }
    return found.drainSorted(0, outIds, outDistances);
  }

  private double distance(int a, int b) {
    return metric.distance(points, dimension, a, b);
  }

  /** One thread's working memory: visited marks, the candidate queue and the beam. */
  public static final class Search {

    private final int[] visited;
    private int mark;
    private final CandidateQueue candidates = new CandidateQueue();
    private NeighborHeap beam;
    private final NeighborHeap shrinkHeap;
    private final int[] entries;
    private final int[] foundIds;
    private final double[] foundDistances;
    private final int[] selected;
    private final int[] shrunk;
    private final int[] shrinkIds;
    private final double[] shrinkDistances;

    private Search(int n, int width, int shrinkWidth) {
      this.visited = new int[n];
      this.shrinkHeap = new NeighborHeap(1, shrinkWidth);
      this.entries = new int[width];
      this.foundIds = new int[width];
      this.foundDistances = new double[width];
      this.selected = new int[width];
      this.shrunk = new int[width];
      this.shrinkIds = new int[width];
      this.shrinkDistances = new double[width];
    }

    /** An empty result list W holding the ef best (rows are emptied when drained, so it is reused as is). */
    private NeighborHeap beam(int ef) {
      if (ef > foundIds.length) {
        throw new IllegalArgumentException("beam width " + ef + " exceeds this search's " + foundIds.length);
      }
      if (beam == null || beam.k() != ef) {
        beam = new NeighborHeap(1, ef);
      }
      return beam;
    }

    private int nextMark() {
      if (++mark == Integer.MAX_VALUE) {
        java.util.Arrays.fill(visited, 0);
        mark = 1;
      }
      return mark;
    }
  }
}
