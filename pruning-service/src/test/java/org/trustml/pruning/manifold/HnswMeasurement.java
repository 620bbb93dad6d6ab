package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.trustml.core.dataset.IdxArray;
import org.trustml.core.dataset.IdxReader;

/**
 * The measurement behind AUTO's choice above {@link UmapParams#AUTO_EXACT_LIMIT} points: recall@15 against brute
 * force and wall time of HNSW (defaults M 16, efConstruction 200, ef 64) and NN-descent, one thread each, on 20,000
 * Gaussian points in R^64 and on the first 20,000 Fashion-MNIST training images (784 raw pixels, L2-normalised);
 * also HNSW with efConstruction 40, to see whether a cheaper build would change the choice.
 * Opt-in, it takes minutes: {@code -Dtrustml.hnsw.measure=true -Dtest=HnswMeasurement}. Recall is over 2,000 seeded
 * sample rows, whose exact neighbours are found by brute force. Prints a line per data set and metric and writes them to
 * {@code target/hnsw-measurement.txt}.
 */
@EnabledIfSystemProperty(named = "trustml.hnsw.measure", matches = "true")
class HnswMeasurement {

  static final int N = 20_000;
  static final int K = 15;
  static final int SAMPLE = 2_000;
  static final StringBuilder REPORT = new StringBuilder();

  @Test
  void gaussianPointsInR64() throws IOException {
    warmUp();
    measure("gaussian R^64", Samples.gaussian(new Random(64), N, 64), 64, Metric.EUCLIDEAN);
    measure("gaussian R^64", Samples.gaussian(new Random(64), N, 64), 64, Metric.COSINE);
  }

  @Test
  void fashionMnistPixels() throws IOException {
    String configured = System.getProperty("trustml.datasets.dir");
    Path file = Path.of(configured != null && !configured.isBlank() ? configured : "../shared/datasets")
        .resolve("fashion-mnist/train-images-idx3-ubyte.gz");
    assumeTrue(Files.isRegularFile(file), "Fashion-MNIST is absent (" + file + "): measurement skipped");
    IdxArray images;
    try (InputStream in = Files.newInputStream(file)) {
      images = IdxReader.readFloats(in);
    }
    int d = 28 * 28;
    double[] x = new double[N * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = images.data()[i];
    }
    warmUp();
    measure("fashion-mnist 784-d L2", ManifoldStage.l2Normalized(x, d), d, Metric.COSINE);
  }

  static void warmUp() {
    double[] x = Samples.gaussian(new Random(1), 3000, 16);
    HnswNearestNeighbors.compute(x, 16, K, Metric.EUCLIDEAN, 16, 200, 64, 1, 1);
    NearestNeighborDescent.compute(x, 16, K, Metric.EUCLIDEAN, 1);
  }

  static void measure(String name, double[] x, int d, Metric metric) throws IOException {
    int n = x.length / d;
    int[] rows = new SplittableRandom(5).ints(0, n).distinct().limit(SAMPLE).toArray();
    int[][] exact = new int[SAMPLE][];
    for (int s = 0; s < SAMPLE; s++) {
      exact[s] = exactRow(x, d, metric, rows[s]);
    }
    long t0 = System.nanoTime();
    KnnGraph hnsw = HnswNearestNeighbors.compute(x, d, K, metric, 16, 200, UmapParams.defaultHnswEf(K), 7, 1);
    long t1 = System.nanoTime();
    KnnGraph hnsw2 = HnswNearestNeighbors.compute(x, d, K, metric, 16, 200, UmapParams.defaultHnswEf(K), 7, 2);
    long t2 = System.nanoTime();
    KnnGraph light = HnswNearestNeighbors.compute(x, d, K, metric, 16, 40, UmapParams.defaultHnswEf(K), 7, 1);
    long t3 = System.nanoTime();
    KnnGraph descent = NearestNeighborDescent.compute(x, d, K, metric, 7);
    long t4 = System.nanoTime();
    String line = String.format("%-24s %-9s n=%d k=%d | HNSW recall %.4f %.1f s (2 search threads: %.1f s, same "
        + "graph: %b) | HNSW efConstruction 40: %.4f %.1f s | NN-descent recall %.4f %.1f s", name, metric, n, K,
        recall(hnsw, rows, exact), (t1 - t0) / 1e9, (t2 - t1) / 1e9, same(hnsw, hnsw2), recall(light, rows, exact),
        (t3 - t2) / 1e9, recall(descent, rows, exact), (t4 - t3) / 1e9);
    System.out.println(line);
    REPORT.append(line).append('\n');
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/hnsw-measurement.txt"), REPORT);
  }

  static int[] exactRow(double[] x, int d, Metric metric, int q) {
    NeighborHeap heap = new NeighborHeap(1, K);
    for (int j = 0; j < x.length / d; j++) {
      if (j != q) {
        heap.pushDistinct(0, j, metric.distance(x, d, q, j));
      }
    }
    int[] ids = new int[K];
    heap.drainSorted(0, ids, new double[K]);
    return ids;
  }

  static double recall(KnnGraph g, int[] rows, int[][] exact) {
    long hits = 0;
    for (int s = 0; s < rows.length; s++) {
      for (int r = 0; r < K; r++) {
        int j = g.neighbor(rows[s], r);
        for (int e : exact[s]) {
          hits += e == j ? 1 : 0;
        }
      }
    }
    return hits / (double) (rows.length * K);
  }

  static boolean same(KnnGraph a, KnnGraph b) {
    for (int i = 0; i < a.size(); i++) {
      for (int r = 0; r < a.k(); r++) {
        if (a.neighbor(i, r) != b.neighbor(i, r) || a.distance(i, r) != b.distance(i, r)) {
          return false;
        }
      }
    }
    return true;
  }
}
