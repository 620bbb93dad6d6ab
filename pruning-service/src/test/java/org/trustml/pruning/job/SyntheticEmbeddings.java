package org.trustml.pruning.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.trustml.core.dataset.CsvWriter;
import org.trustml.core.dataset.NpyWriter;

/**
 * Small generated embeddings: two Gaussian blobs (labels 0 and 1) and a noisy ring (label 2) in 8 dimensions, as
 * NPY (float32 matrix + int64 labels) and as CSV (columns e0 … e7 and a text label).
 */
final class SyntheticEmbeddings {

  static final int DIMENSION = 8;
  static final String[] NAMES = {"blob-a", "blob-b", "ring"};

  final float[] points;
  final int[] labels;

  SyntheticEmbeddings(int perClass, long seed) {
    Random r = new Random(seed);
    int n = 3 * perClass;
    points = new float[n * DIMENSION];
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      labels[i] = c;
      for (int k = 0; k < DIMENSION; k++) {
        points[i * DIMENSION + k] = (float) (0.3 * r.nextGaussian());
      }
      if (c == 2) {
        double angle = 2 * Math.PI * r.nextDouble();
        points[i * DIMENSION] += (float) (3 * Math.cos(angle));
        points[i * DIMENSION + 1] += (float) (3 * Math.sin(angle));
      } else {
        points[i * DIMENSION + 2 + c] += 4;
      }
    }
  }

  int size() {
    return labels.length;
  }

  byte[] npy() {
    return NpyWriter.float32(points, size(), DIMENSION);
  }

  byte[] labelsNpy() {
    return NpyWriter.int64(labels);
  }

  byte[] csv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter w = new CsvWriter(out)) {
      String[] header = new String[DIMENSION + 1];
      for (int k = 0; k < DIMENSION; k++) {
        header[k] = "e" + k;
      }
      header[DIMENSION] = "label";
      w.row(header);
      for (int i = 0; i < size(); i++) {
        String[] row = new String[DIMENSION + 1];
        for (int k = 0; k < DIMENSION; k++) {
          row[k] = Float.toString(points[i * DIMENSION + k]);
        }
        row[DIMENSION] = NAMES[labels[i]];
        w.row(row);
      }
    }
    return out.toByteArray();
  }

  /** The points widened to double, as the jobs load them. */
  double[] doubles() {
    double[] d = new double[points.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = points[i];
    }
    return d;
  }
}
