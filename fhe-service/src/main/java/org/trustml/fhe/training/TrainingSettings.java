package org.trustml.fhe.training;

/**
 * How {@link PolyNetworkTrainer} trains: input → dense({@code hidden}) → x^2 → dense(classes).
 *
 * @param hidden       hidden units (each costs one ciphertext multiplication per batch, and a row of the first layer)
 * @param epochs       passes over the data
 * @param batchSize    examples per Adam step
 * @param learningRate Adam's step size
 * @param seed         initial weights and shuffles derive from it
 */
public record TrainingSettings(int hidden, int epochs, int batchSize, float learningRate, long seed) {

  /** Checks the values. */
  public TrainingSettings {
    if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("invalid training settings: hidden " + hidden + ", epochs " + epochs
          + ", batch " + batchSize + ", learning rate " + learningRate);
    }
  }

  /** The benchmark's settings: 64 hidden units, 8 epochs of batches of 128, Adam 1e-3, seed 7. */
  public static TrainingSettings standard() {
    return new TrainingSettings(64, 8, 128, 1e-3f, 7);
  }
}
