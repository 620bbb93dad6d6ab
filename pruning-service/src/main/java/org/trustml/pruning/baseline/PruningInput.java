package org.trustml.pruning.baseline;

/**
 * The data a method prunes: embeddings (penultimate-layer features), labels and, for score-based methods, one
 * score per sample. What a method does not use may be null.
 *
 * @param embeddings n rows of the same dimension, finite; null when only scores are used (not copied, not modified)
 * @param labels     class per sample (not copied, not modified)
 * @param scores     one finite score per sample; null when none is used (not copied, not modified)
 */
public record PruningInput(float[][] embeddings, int[] labels, double[] scores) {

  /** Checks lengths and values. */
  public PruningInput {
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException("no samples: labels are empty");
    }
    if (embeddings != null) {
      if (embeddings.length != labels.length) {
        throw new IllegalArgumentException(embeddings.length + " embeddings but " + labels.length + " labels");
      }
      int d = embeddings[0].length;
      if (d == 0) {
        throw new IllegalArgumentException("embeddings have dimension 0");
      }
      for (int i = 0; i < embeddings.length; i++) {
        if (embeddings[i].length != d) {
          throw new IllegalArgumentException("embedding " + i + " has dimension " + embeddings[i].length
              + ", embedding 0 has " + d);
        }
        for (float v : embeddings[i]) {
          if (!Float.isFinite(v)) {
            throw new IllegalArgumentException("embedding " + i + " has a non-finite value " + v);
          }
        }
      }
    }
    if (scores != null) {
      if (scores.length != labels.length) {
        throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
      }
      for (int i = 0; i < scores.length; i++) {
        if (!Double.isFinite(scores[i])) {
          throw new IllegalArgumentException("score of sample " + i + " is not finite: " + scores[i]);
        }
      }
    }
  }

  /** Labels only (random pruning). */
  public static PruningInput labelsOnly(int[] labels) {
    return new PruningInput(null, labels, null);
  }

  /** The embeddings, or a clear error for a method that needs them. */
  float[][] requireEmbeddings(String method) {
    if (embeddings == null) {
      throw new IllegalArgumentException(method + " needs embeddings, none were given");
    }
    return embeddings;
  }

  /** The scores, or a clear error for a method that needs them. */
  double[] requireScores(String method) {
    if (scores == null) {
      throw new IllegalArgumentException(method + " needs a per-sample score, none was given");
    }
    return scores;
  }

  /** Number of samples. */
  public int size() {
    return labels.length;
  }
}
