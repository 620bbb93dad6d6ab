package org.trustml.bench.pruning;

/**
 * Wall times of one TopoPrune scoring run.
 *
 * @param input         where the embeddings come from
 * @param points        samples scored
 * @param dimension     embedding dimension
 * @param classes       number of classes
 * @param threads       threads given to the manifold and score stages
 * @param manifoldSeconds UMAP per class (kNN, fuzzy set, layout)
 * @param scoreSeconds  local structural-complexity score of every sample
 * @param selectSeconds CCS selection at 90 % pruning
 * @param kept          samples kept by that selection
 * @param scoreMin      smallest score
 * @param scoreMedian   median score
 * @param scoreMax      largest score
 */
record ScoringResult(String input, int points, int dimension, int classes, int threads, double manifoldSeconds,
    double scoreSeconds, double selectSeconds, int kept, double scoreMin, double scoreMedian, double scoreMax) {

  double totalSeconds() {
    return manifoldSeconds + scoreSeconds + selectSeconds;
  }
}
