package org.trustml.fairness.multitask;

/**
 * PCGrad projection, the core of FBGrad: a task's gradient that conflicts with another's (negative dot product)
 * loses its component along the other, i.e. is projected onto the other's normal plane.
 */
public final class GradientSurgery {

  private GradientSurgery() {}

  /**
   * Projects each gradient against every other one in turn (PCGrad: against the others' original values, in index
   * order), returning new arrays; the inputs are left alone.
   *
   * @return the projected gradients and, via {@link Result#conflicts()}, how many pairs conflicted originally
   */
  public static Result project(float[][] gradients) {
    int n = gradients.length;
    float[][] projected = new float[n][];
    int conflicts = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dot(gradients[i], gradients[j]) < 0) {
          conflicts++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      double[] g = new double[gradients[i].length];
      for (int c = 0; c < g.length; c++) {
        g[c] = gradients[i][c];
      }
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        float[] other = gradients[j];
        double d = 0;
        double norm = 0;
        for (int c = 0; c < g.length; c++) {
          d += g[c] * other[c];
          norm += (double) other[c] * other[c];
        }
        if (d < 0 && norm > 0) {
          double scale = d / norm;
          for (int c = 0; c < g.length; c++) {
            g[c] -= scale * other[c];
          }
        }
      }
      projected[i] = new float[g.length];
      for (int c = 0; c < g.length; c++) {
        projected[i][c] = (float) g[c];
      }
    }
    return new Result(projected, conflicts);
  }

  /** The dot product in double precision. */
  public static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int c = 0; c < a.length; c++) {
      sum += (double) a[c] * b[c];
    }
    return sum;
  }

  /**
   * Projected gradients.
   *
   * @param gradients one per input, same order
   * @param conflicts pairs of inputs with a negative dot product
   */
  public record Result(float[][] gradients, int conflicts) {}
}
