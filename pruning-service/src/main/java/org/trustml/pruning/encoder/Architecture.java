package org.trustml.pruning.encoder;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Locale;
import org.trustml.ml.Models;

/**
 * The encoders: a feature extractor ending in a ReLU embedding layer of {@code embeddingDim} units (the penultimate
 * layer), then one linear layer to the class logits. Input N x C x H x W images, greyscale (C = 1) or colour (C = 3):
 * the layers take their input sizes from the first batch (H, W divisible by 4 for the CNN). No dropout and no batch normalisation, so a seeded run is reproducible and training-mode outputs equal
 * inference outputs.
 */
public enum Architecture {

  /** Two 3x3 convolutions (16, 32 filters, same padding), each ReLU + 2x2 max-pool, then the embedding layer. */
  SMALL_CNN {
    @Override
    SequentialBlock features(int embeddingDim) {
      return Models.smallCnnTrunk() // platform-ml's small CNN, the embedding layer in place of its logits
          .add(Linear.builder().setUnits(embeddingDim).build())
          .add(Activation::relu);
    }
  },

  /** A perceptron on the flattened pixels: 256 ReLU units, then the embedding layer; the transfer architecture. */
  MLP {
    @Override
    SequentialBlock features(int embeddingDim) {
      return new SequentialBlock()
          .add(Blocks.batchFlattenBlock())
          .add(Linear.builder().setUnits(256).build())
          .add(Activation::relu)
          .add(Linear.builder().setUnits(embeddingDim).build())
          .add(Activation::relu);
    }
  };

  /** The layers up to and including the embedding layer. */
  abstract SequentialBlock features(int embeddingDim);

  /** The API's spelling: {@code small-cnn}, {@code mlp}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@link #id()}.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  public static Architecture of(String id) {
    for (Architecture a : values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown encoder architecture '" + id + "'; known: small-cnn, mlp");
  }

  /** Feature extractor and logits head, as one block and its first child. */
  EncoderNetwork build(int embeddingDim, int classes) {
    if (embeddingDim < 1 || classes < 2) {
      throw new IllegalArgumentException("embeddingDim must be ≥ 1 and classes ≥ 2, got " + embeddingDim + ", "
          + classes);
    }
    SequentialBlock features = features(embeddingDim);
    Block head = Linear.builder().setUnits(classes).build();
    return new EncoderNetwork(features, new SequentialBlock().add(features).add(head));
  }

  /** The whole classifier and the feature extractor inside it (shared parameters). */
  record EncoderNetwork(Block features, Block classifier) {}
}
