package org.trustml.pruning.encoder;

import java.util.Arrays;
import org.trustml.ml.OptimizerSpec;

/**
 * How an encoder is trained.
 *
 * @param architecture which network
 * @param embeddingDim units of the penultimate (embedding) layer
 * @param classes      number of classes; labels are 0 … classes − 1
 * @param optimizer    optimizer settings (fixed learning rate)
 * @param batchSize    examples per step
 * @param epochs       passes over the training set
 * @param el2nEpochs   after which epochs EL2N is taken, each in [1, epochs] (Paul et al.: early in training)
 * @param seed         weights and shuffles derive from it
 */
public record EncoderSpec(Architecture architecture, int embeddingDim, int classes, OptimizerSpec optimizer,
    int batchSize, int epochs, int[] el2nEpochs, long seed) {

  /** Validates and sorts {@code el2nEpochs}. */
  public EncoderSpec {
    if (architecture == null || optimizer == null) {
      throw new IllegalArgumentException("architecture and optimizer must be given");
    }
    if (embeddingDim < 1 || classes < 2 || batchSize < 1 || epochs < 1) {
      throw new IllegalArgumentException("embeddingDim, batchSize and epochs must be ≥ 1 and classes ≥ 2, got "
          + embeddingDim + ", " + batchSize + ", " + epochs + ", " + classes);
    }
    el2nEpochs = el2nEpochs == null ? new int[0] : el2nEpochs.clone();
    Arrays.sort(el2nEpochs);
    if (el2nEpochs.length == 0) {
      throw new IllegalArgumentException("el2nEpochs must name at least one epoch in [1, " + epochs + "]");
    }
    for (int e = 0; e < el2nEpochs.length; e++) {
      if (el2nEpochs[e] < 1 || el2nEpochs[e] > epochs || (e > 0 && el2nEpochs[e] == el2nEpochs[e - 1])) {
        throw new IllegalArgumentException("el2nEpochs must be distinct epochs in [1, " + epochs + "], got "
            + Arrays.toString(el2nEpochs));
      }
    }
  }

  /** Tier 1's encoder: 64-d embeddings, Adam 1e-3, batches of 128, 3 epochs, EL2N after epoch 1. */
  public static EncoderSpec defaults(Architecture architecture, int classes, long seed) {
    return new EncoderSpec(architecture, 64, classes, OptimizerSpec.adam(1e-3f), 128, 3, new int[] {1}, seed);
  }

  /** The same with another number of epochs; EL2N epochs beyond it are dropped (epoch 1 stays). */
  public EncoderSpec withEpochs(int e) {
    int[] kept = Arrays.stream(el2nEpochs).filter(x -> x <= e).toArray();
    return new EncoderSpec(architecture, embeddingDim, classes, optimizer, batchSize, e,
        kept.length == 0 ? new int[] {1} : kept, seed);
  }

  /** The same with another seed. */
  public EncoderSpec withSeed(long s) {
    return new EncoderSpec(architecture, embeddingDim, classes, optimizer, batchSize, epochs, el2nEpochs, s);
  }

  /** The same with another optimizer. */
  public EncoderSpec withOptimizer(OptimizerSpec o) {
    return new EncoderSpec(architecture, embeddingDim, classes, o, batchSize, epochs, el2nEpochs, seed);
  }
}
