package org.trustml.pruning.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.trustml.core.dataset.CsvWriter;
import org.trustml.core.dataset.NpyRows;

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
    ByteBuffer b = ByteBuffer.allocate(points.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : points) {
      b.putFloat(v);
    }
    return concat(NpyRows.header("<f4", new int[] {size(), DIMENSION}), b.array());
  }

  byte[] labelsNpy() {
    ByteBuffer b = ByteBuffer.allocate(labels.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : labels) {
      b.putLong(v);
    }
    return concat(NpyRows.header("<i8", new int[] {size()}), b.array());
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

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
