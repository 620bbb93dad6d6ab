package org.trustml.pruning.evaluation;

import java.util.Arrays;
import java.util.List;
import org.trustml.pruning.encoder.Architecture;

/**
 * What the evaluation measures, and at which size.
 *
 * @param dataset            the dataset's name, echoed in the report
 * @param selectionEncoder   the encoder whose embeddings and training dynamics every method selects with
 * @param encoderEpochs      epochs of every encoder's training on the full training set
 * @param trainedModel       the architecture trained from scratch on each coreset
 * @param transferEncoder    a second encoder for the transfer experiment, or null for none: coresets chosen with
 *                           each of the two encoders train {@code transferTrained}, so the gap says what selecting
 *                           with another architecture costs
 * @param transferTrained    the architecture trained in the transfer experiment (the transfer encoder's own, usually)
 * @param rates              pruning rates α in (0, 1), distinct; the highest is the one noise and transfer use
 * @param seeds              at least one; seed s both selects (UMAP, sampling) and trains; two or more for the
 *                           overlap across seeds
 * @param iterations         optimizer steps of every coreset training (equal iterations, the CCS protocol)
 * @param equalEpochs        also train every coreset for as many epochs as the iterations give the full training set
 *                           ({@link #equalEpochSteps}), the design note's second protocol, in a table of its own
 * @param noiseLevels        σ as multiples of the median nearest-neighbour distance, each > 0; may be empty
 * @param nearestNeighborSample points the median nearest-neighbour distance is taken over
 * @param methods            the methods, at least one
 * @param seed               the encoders' and the noise's seed
 */
public record EvaluationProtocol(String dataset, Architecture selectionEncoder, int encoderEpochs,
    Architecture trainedModel, Architecture transferEncoder, Architecture transferTrained, double[] rates,
    long[] seeds, long iterations, boolean equalEpochs, double[] noiseLevels, int nearestNeighborSample,
    List<EvaluatedMethod> methods, long seed) {

  /** Validates and copies. */
  public EvaluationProtocol {
    if (dataset == null || selectionEncoder == null || trainedModel == null || methods == null || rates == null
        || seeds == null || noiseLevels == null) {
      throw new IllegalArgumentException("dataset, encoders, rates, seeds, noise levels and methods must be given");
    }
    if ((transferEncoder == null) != (transferTrained == null)) {
      throw new IllegalArgumentException("transferEncoder and transferTrained go together (both or neither)");
    }
    if (transferEncoder != null && transferEncoder == selectionEncoder) {
      throw new IllegalArgumentException("the transfer encoder must differ from the selection encoder, both are "
          + selectionEncoder.id());
    }
    if (encoderEpochs < 1 || iterations < 1 || nearestNeighborSample < 1) {
      throw new IllegalArgumentException("encoderEpochs, iterations and nearestNeighborSample must be ≥ 1, got "
          + encoderEpochs + ", " + iterations + ", " + nearestNeighborSample);
    }
    rates = rates.clone();
    Arrays.sort(rates);
    if (rates.length == 0) {
      throw new IllegalArgumentException("no pruning rates");
    }
    for (int r = 0; r < rates.length; r++) {
      if (!(rates[r] > 0 && rates[r] < 1) || (r > 0 && rates[r] == rates[r - 1])) {
        throw new IllegalArgumentException("rates must be distinct and in (0, 1), got " + Arrays.toString(rates));
      }
    }
    seeds = seeds.clone();
    if (seeds.length == 0 || Arrays.stream(seeds).distinct().count() != seeds.length) {
      throw new IllegalArgumentException("seeds must be at least one and distinct, got " + Arrays.toString(seeds));
    }
    noiseLevels = noiseLevels.clone();
    for (double s : noiseLevels) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("noise levels must be finite and > 0, got " + Arrays.toString(noiseLevels));
      }
    }
    methods = List.copyOf(methods);
    if (methods.isEmpty() || methods.stream().distinct().count() != methods.size()) {
      throw new IllegalArgumentException("methods must be at least one and distinct, got " + methods);
    }
  }

  /**
   * Steps that give a coreset of {@code kept} samples out of {@code total} the epochs {@link #iterations} give all
   * {@code total}: iterations × kept / total, rounded, at least 1.
   */
  public long equalEpochSteps(int kept, int total) {
    return Math.max(1, Math.round((double) iterations * kept / total));
  }

  /** The rate noise and transfer are measured at: the highest. */
  public double highestRate() {
    return rates[rates.length - 1];
  }
}
