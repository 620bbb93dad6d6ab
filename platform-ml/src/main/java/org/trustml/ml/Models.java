package org.trustml.ml;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * Small networks for tests and for services that need a plain classifier. Blocks come uninitialised; {@link
 * TrainingLoop} initialises them from the seed. None of them draws random numbers in its forward pass (no dropout),
 * so training is reproducible from the seed alone.
 */
public final class Models {

  private Models() {}

  /**
   * {@code Linear(hidden) → ReLU → Linear(out)}: logits for {@code out} classes from {@code in} features.
   *
   * @param in the number of input features, as recorded by {@link ModelSpec#mlp}; DJL infers it when initialising
   */
  public static Block mlp(int in, int hidden, int out) {
    requirePositive("in", in);
    requirePositive("hidden", hidden);
    requirePositive("out", out);
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(out).build());
  }

  /**
   * Two 3x3 convolutions (16 and 32 filters, same padding), each followed by ReLU and 2x2 max-pooling, then a
   * linear layer to {@code classes} logits. Input N x {@code channels} x H x W with H and W divisible by 4.
   */
  public static Block smallCnn(int channels, int classes) {
    requirePositive("channels", channels);
    requirePositive("classes", classes);
    return smallCnnTrunk().add(Linear.builder().setUnits(classes).build());
  }

  /**
   * The convolutional part of {@link #smallCnn}: two 3x3 convolutions (16 and 32 filters, same padding), each followed
   * by ReLU and 2x2 max-pooling, flattened; a new block each call, for models that put their own layers on top.
   */
  public static SequentialBlock smallCnnTrunk() {
    return new SequentialBlock()
        .add(conv(16))
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(conv(32))
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock());
  }

  /**
   * Builds the block a built-in spec describes.
   *
   * @throws IllegalArgumentException for an architecture other than {@code mlp} and {@code small-cnn}
   */
  public static Block build(ModelSpec spec) {
    return switch (spec.architecture()) {
      case "mlp" -> mlp(spec.get("in"), spec.get("hidden"), spec.get("out"));
      case "small-cnn" -> smallCnn(spec.get("channels"), spec.get("classes"));
      default -> throw new IllegalArgumentException(
          "no built-in architecture '" + spec.architecture() + "'; pass a factory for it");
    };
  }

  private static Block conv(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
