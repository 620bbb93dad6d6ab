package org.trustml.pruning.evaluation;

import java.util.List;

/**
 * Every number the evaluation measured, with its protocol and timings; plain records and arrays, so Jackson writes
 * it as JSON as it is. Accuracies are shares of the test set in [0, 1].
 *
 * @param protocol                  what was run
 * @param encoders                  the encoders trained on the full training set
 * @param medianNearestNeighborDistance of the selection encoder's embeddings; noise σ are multiples of it
 * @param fullData                  the trained model on the whole training set at the same iterations, per seed
 * @param accuracy                  one cell per method and rate, in protocol order: equal iterations
 * @param accuracyEqualEpochs       the same coresets trained for equal epochs (empty unless the protocol asks)
 * @param seedOverlap               per method and rate, the mean pairwise Jaccard of the kept sets across seeds
 *                                  (empty with one seed)
 * @param coverage                  per method and rate, how the first seed's kept set covers the selection
 *                                  embeddings ({@link org.trustml.pruning.coverage.CoverageReport})
 * @param noise                     per method and noise level, at the highest rate with the first seed
 * @param transfer                  per method at the highest rate (empty without a transfer encoder)
 * @param timings                   wall time of every stage, in order
 * @param totalSeconds              wall time of the whole evaluation
 */
public record EvaluationReport(EvaluationProtocol protocol, List<EncoderRun> encoders,
    double medianNearestNeighborDistance, Summary fullData, List<AccuracyCell> accuracy,
    List<AccuracyCell> accuracyEqualEpochs,
    List<SeedOverlap> seedOverlap, List<CoverageCell> coverage, List<NoiseCell> noise, List<TransferCell> transfer, List<Timing> timings,
    double totalSeconds) {

  /**
   * @param architecture   which encoder
   * @param testAccuracy   its own test accuracy after training on the full set
   * @param seconds        its training time (dynamics included)
   */
  public record EncoderRun(String architecture, double testAccuracy, double seconds) {}

  /**
   * @param method           {@link EvaluatedMethod#id()}
   * @param rate             pruning rate α
   * @param kept             coreset size
   * @param steps            optimizer steps of each training
   * @param accuracy         test accuracy per seed, mean and standard deviation
   * @param selectionSeconds mean wall time of the selection per seed (TopoPrune's rate-independent score is in the
   *                         timings instead)
   * @param trainingSeconds  mean wall time of training and testing per seed
   */
  public record AccuracyCell(String method, double rate, int kept, long steps, Summary accuracy,
      double selectionSeconds, double trainingSeconds) {}

  /**
   * @param method  {@link EvaluatedMethod#id()}
   * @param rate    pruning rate α
   * @param jaccard mean over pairs of seeds of the kept sets' Jaccard index
   */
  public record SeedOverlap(String method, double rate, double jaccard) {}

  /**
   * @param method            {@link EvaluatedMethod#id()}
   * @param rate              pruning rate α
   * @param auc               CCS's coverage AUC over all classes (size-weighted; 1 = everything kept)
   * @param coveredAtRadius   share of samples within the class radius of a kept sample (size-weighted)
   * @param coveringRadius    the largest class covering radius
   * @param redundantFraction share of kept samples closer to another kept one than their class's nearest-neighbour
   *                          spacing (kept-weighted)
   */
  public record CoverageCell(String method, double rate, double auc, double coveredAtRadius, double coveringRadius,
      double redundantFraction) {}

  /**
   * @param method          {@link EvaluatedMethod#id()}
   * @param level           σ / median nearest-neighbour distance
   * @param sigma           the σ added to every embedding coordinate
   * @param jaccard         Jaccard index of the kept sets with clean and noisy embeddings, same seed
   * @param accuracy        test accuracy of the coreset chosen with noisy embeddings
   * @param cleanAccuracy   the same seed's accuracy with clean embeddings
   * @param usesEmbeddings  false for methods noise cannot move (random, CCS over AUM): their Jaccard is 1 by
   *                        construction
   * @param scoreSpearman   for TopoPrune, Spearman's rank correlation of its clean and noisy per-sample scores (the
   *                        score's stability, apart from the sampling that turns it into a kept set); null otherwise
   */
  public record NoiseCell(String method, double level, double sigma, double jaccard, double accuracy,
      double cleanAccuracy, boolean usesEmbeddings, Double scoreSpearman) {}

  /**
   * @param method    {@link EvaluatedMethod#id()}
   * @param rate      pruning rate α
   * @param trained   the architecture trained
   * @param ownEncoder      accuracy over seeds of coresets chosen with the trained architecture's own encoder
   * @param otherEncoder    accuracy over seeds of coresets chosen with the selection encoder
   * @param otherEncoderId  which encoder that was
   * @param gap       otherEncoder mean − ownEncoder mean (negative: transfer costs accuracy)
   */
  public record TransferCell(String method, double rate, String trained, Summary ownEncoder, Summary otherEncoder,
      String otherEncoderId, double gap) {}

  /**
   * @param stage   what ran
   * @param seconds its wall time
   */
  public record Timing(String stage, double seconds) {}

  /** The cell of a method at a rate (equal iterations), or null. */
  public AccuracyCell cell(String method, double rate) {
    return cell(accuracy, method, rate);
  }

  /** The cell of a method at a rate in {@code cells}, or null. */
  public static AccuracyCell cell(List<AccuracyCell> cells, String method, double rate) {
    return cells.stream().filter(c -> c.method().equals(method) && c.rate() == rate).findFirst().orElse(null);
  }
}
