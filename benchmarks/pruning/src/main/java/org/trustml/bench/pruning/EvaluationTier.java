package org.trustml.bench.pruning;

import java.util.List;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.evaluation.EvaluatedMethod;
import org.trustml.pruning.evaluation.EvaluationProtocol;

/**
 * The two sizes of the evaluation on Fashion-MNIST. Both: every method, rates 30/50/70/80/90 %, three seeds, noise
 * σ ∈ {0.05, 0.1, 0.2} × the median nearest-neighbour distance, a three-epoch small-cnn as the selection encoder,
 * the mlp as the transfer encoder.
 *
 * @param name        {@code quick} or {@code full}
 * @param trainImages first images of the training set used (60,000 = all)
 * @param protocol    what the evaluator runs
 * @param sizing      why this size, for RESULTS.md
 */
record EvaluationTier(String name, int trainImages, EvaluationProtocol protocol, String sizing) {

  static final double[] RATES = {0.3, 0.5, 0.7, 0.8, 0.9};
  static final long[] SEEDS = {1, 2, 3};
  static final double[] NOISE = {0.05, 0.1, 0.2};

  /**
   * About 10 minutes on the 2-core machine: 10,000 training images, the mlp trained on every coreset for 237 steps
   * (three epochs of the 10,000 at batch 128), so the transfer pair is small-cnn → mlp against mlp → mlp.
   */
  static EvaluationTier quick() {
    long iterations = 3 * ((10_000 + 127) / 128);
    return new EvaluationTier("quick", 10_000, new EvaluationProtocol("Fashion-MNIST (first 10,000 training images, "
        + "all 10,000 test images)", Architecture.SMALL_CNN, 3, Architecture.MLP, Architecture.MLP, Architecture.MLP,
        RATES, SEEDS, iterations, NOISE, 1000, List.of(EvaluatedMethod.values()), 2602_02739L),
        "10,000 training images and the mlp as the trained model (≈ 0.6–1.5 s per coreset at 237 steps with the "
            + "test pass, on a shared machine) keep the 135 trainings of the grid (9 methods × 5 rates × 3 seeds), the "
            + "27 noisy selections and trainings and the 27 + 27 of the transfer inside about 10 minutes (measured: "
            + "6.8 min on a lightly loaded machine, 14.4 min at a load of about 4 on its 2 cores); TopoPrune's UMAP on 10,000 points takes 5–10 s per seed and a local score 1–4 s. Measured "
            + "here, the quick tier's D2 selections (≈ 5 s each) and TopoPrune's scores are what the full tier's "
            + "estimate extrapolates.");
  }

  /**
   * About one hour: all 60,000 training images, the small-cnn trained on every coreset for 938 steps (two epochs
   * of the full set at batch 128), transfer small-cnn → mlp against mlp → mlp. Leave-one-out (L-B′) is left out:
   * see the sizing text.
   */
  static EvaluationTier full() {
    long iterations = 2 * ((60_000 + 127) / 128);
    List<EvaluatedMethod> methods = List.of(EvaluatedMethod.RANDOM, EvaluatedMethod.KCENTER, EvaluatedMethod.HERDING,
        EvaluatedMethod.MODERATE, EvaluatedMethod.CCS_AUM, EvaluatedMethod.D2_FORGETTING,
        EvaluatedMethod.TOPOPRUNE_LA, EvaluatedMethod.TOPOPRUNE_LB);
    return new EvaluationTier("full", 60_000, new EvaluationProtocol("Fashion-MNIST (all 60,000 training and 10,000 "
        + "test images)", Architecture.SMALL_CNN, 3, Architecture.SMALL_CNN, Architecture.MLP, Architecture.MLP,
        RATES, SEEDS, iterations, NOISE, 2000, methods, 2602_02739L),
        "Arithmetic from the measured costs (small-cnn: 469 steps of 128 in 8.5 s, so 938 steps ≈ 17 s plus a 1 s "
            + "test pass; TopoPrune on 60,000 64-d points: UMAP ≈ 35 s and one local score ≈ 13 s): 8 methods × 5 "
            + "rates × 3 seeds = 120 small-cnn trainings ≈ 36 min; full-data reference 3 × 18 s ≈ 1 min; noise "
            + "3 levels × 8 methods = 24 trainings ≈ 7 min; TopoPrune scores (UMAP + L-A + L-B) for 3 seeds, 3 "
            + "noise levels and 3 seeds of the mlp encoder = 9 × 61 s ≈ 9 min; baselines' selections ≈ 5 min; "
            + "encoders ≈ 1 min; transfer 8 × 3 × 2 mlp trainings at 938 steps ≈ 2 min: ≈ 61 min on a lightly "
            + "loaded machine (the quick tier took twice as long at a load of 4). L-B′ (leave-one-out) would add "
            + "15 + 3 trainings and its scores; it is in the quick tier only.");
  }
}
