package org.trustml.bench.pruning;

import java.util.List;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.evaluation.EvaluatedMethod;
import org.trustml.pruning.evaluation.EvaluationProtocol;

/**
 * The sizes of the evaluation: two on Fashion-MNIST and the design note's tier 1b on the CIFAR-10 subset. All:
 * rates 30/50/70/80/90 %, three seeds, noise σ ∈ {0.05, 0.1, 0.2} × the median nearest-neighbour distance, a
 * small-cnn as the selection encoder, the mlp as the transfer encoder.
 *
 * @param name        {@code quick}, {@code full} or {@code cifar}
 * @param dataset     which images
 * @param section     which section of RESULTS.md it writes (quick and full share one)
 * @param trainImages first images of the training set used (all when larger)
 * @param protocol    what the evaluator runs
 * @param sizing      why this size, for RESULTS.md
 */
record EvaluationTier(String name, Dataset dataset, Section section, int trainImages, EvaluationProtocol protocol,
    String sizing) {

  /** The images a tier evaluates on. */
  enum Dataset {
    FASHION_MNIST("fashion-mnist"),
    CIFAR_10("cifar-10");

    private final String id;

    Dataset(String id) {
      this.id = id;
    }

    String id() {
      return id;
    }
  }

  /** A section of RESULTS.md; Fashion-MNIST's mlp-trained one keeps the marker of the first evaluation runs. */
  enum Section {
    FASHION_MNIST(null),
    FASHION_MNIST_CNN("fashion-mnist, small-cnn trained"),
    CIFAR_10("cifar-10");

    private final String marker;

    Section(String marker) {
      this.marker = marker;
    }

    String start() {
      return comment("start");
    }

    String end() {
      return comment("end");
    }

    private String comment(String edge) {
      return "<!-- evaluation section" + (marker == null ? "" : " (" + marker + ")") + ": " + edge + " -->";
    }
  }

  static final double[] RATES = {0.3, 0.5, 0.7, 0.8, 0.9};
  static final long[] SEEDS = {1, 2, 3};
  static final double[] NOISE = {0.05, 0.1, 0.2};

  /**
   * About 10 minutes on the 2-core machine: 10,000 training images, the mlp trained on every coreset for 237 steps
   * (three epochs of the 10,000 at batch 128), so the transfer pair is small-cnn → mlp against mlp → mlp.
   */
  static EvaluationTier quick() {
    long iterations = 3 * ((10_000 + 127) / 128);
    return new EvaluationTier("quick", Dataset.FASHION_MNIST, Section.FASHION_MNIST, 10_000, new EvaluationProtocol("Fashion-MNIST (first 10,000 training images, "
        + "all 10,000 test images)", Architecture.SMALL_CNN, 3, Architecture.MLP, Architecture.MLP, Architecture.MLP,
        RATES, SEEDS, iterations, true, NOISE, 1000, List.of(EvaluatedMethod.values()), 2602_02739L),
        "10,000 training images and the mlp as the trained model (≈ 0.6–1.5 s per coreset at 237 steps with the "
            + "test pass, on a shared machine) keep the 150 trainings of the grid (10 methods × 5 rates × 3 seeds), the "
            + "30 noisy selections and trainings and the 30 + 30 of the transfer inside about 10 minutes (measured "
            + "with 9 methods, before L-A on PCA was added: 6.8 min on a lightly loaded machine, 14.4 min at a load "
            + "of about 4 on its 2 cores); TopoPrune's UMAP on 10,000 points takes 5–10 s per seed and a local score 1–4 s. Measured "
            + "here, the quick tier's D2 selections (≈ 5 s each) and TopoPrune's scores are what the full tier's "
            + "estimate extrapolates.");
  }

  /**
   * All 60,000 training images for selection (the small-cnn's embeddings and dynamics on the whole set), the mlp
   * trained on every coreset for 938 steps (two epochs of the full set at batch 128), transfer small-cnn → mlp
   * against mlp → mlp. Leave-one-out (L-B′) is left out: see the sizing text.
   */
  static EvaluationTier full() {
    long iterations = 2 * ((60_000 + 127) / 128);
    List<EvaluatedMethod> methods = List.of(EvaluatedMethod.RANDOM, EvaluatedMethod.KCENTER, EvaluatedMethod.HERDING,
        EvaluatedMethod.MODERATE, EvaluatedMethod.CCS_AUM, EvaluatedMethod.D2_FORGETTING,
        EvaluatedMethod.TOPOPRUNE_LA, EvaluatedMethod.TOPOPRUNE_LB, EvaluatedMethod.TOPOPRUNE_LA_PCA);
    return new EvaluationTier("full", Dataset.FASHION_MNIST, Section.FASHION_MNIST, 60_000, new EvaluationProtocol("Fashion-MNIST (all "
        + "60,000 training and 10,000 test images)", Architecture.SMALL_CNN, 3, Architecture.MLP, Architecture.MLP,
        Architecture.MLP, RATES, SEEDS, iterations, true, NOISE, 2000, methods, 2602_02739L),
        "every method selects from all 60,000 images (the small-cnn's embeddings, AUM and forgetting events on the "
            + "whole set); the model trained on each coreset is the mlp, not the small-cnn. A first attempt with the "
            + "small-cnn trained on every coreset (938 steps each) was stopped: on this shared machine its 15 random "
            + "coresets alone took about 12 minutes (≈ 45 s per training at a load of 4–6), which put the 195 "
            + "trainings of the grid, the noise and the transfer at 2–2.5 hours. With the mlp (≈ 3 s per 938 "
            + "steps) the trainings take about 12 minutes, and the selections (k-center and herding over 6,000 "
            + "points per class, D2's exact kNN per class, TopoPrune's UMAP ≈ 35 s and local scores ≈ 13 s per "
            + "seed and noise level; L-A on PCA needs no UMAP) about 20 more. L-B′ (leave-one-out) would add its "
            + "scores at every seed and "
            + "noise level; it is in the quick tier only.");
  }

  /**
   * The full tier's selections with the small-cnn, not the mlp, trained on every coreset: only at 90 % pruning (the
   * rate the reach is judged at), over five seeds, without the noise and transfer runs (their Jaccard indices do not
   * depend on the trained model and the full tier reports them).
   */
  static EvaluationTier cnn() {
    EvaluationTier full = full();
    long iterations = full.protocol().iterations();
    return new EvaluationTier("cnn", Dataset.FASHION_MNIST, Section.FASHION_MNIST_CNN, 60_000,
        new EvaluationProtocol("Fashion-MNIST (all 60,000 training and 10,000 test images)", Architecture.SMALL_CNN, 3,
            Architecture.SMALL_CNN, null, null, new double[] {0.9}, new long[] {1, 2, 3, 4, 5}, iterations,
            true, new double[0], 2000, full.protocol().methods(), 2602_02739L),
        "the full tier's selections (same encoder, same methods, seeds 1–5), but the model trained on each coreset is "
            + "the small-cnn itself, the architecture whose embeddings chose it, for the same 938 steps; only 90 % "
            + "pruning, where the reach is judged: at about 25–45 s per training on this machine the 50 trainings "
            + "(9 methods and the full set, 5 seeds) take 20–40 minutes, the five rates would take 2–3 hours. "
            + "Noise and transfer are left to the full tier.");
  }

  /**
   * The design note's tier 1b, a smoke test of the whole pipeline on colour images: the 2,000 training and 1,000
   * test images of the CIFAR-10 subset, the small-cnn trained 15 epochs to select, the mlp trained 240 steps
   * (15 epochs of the 2,000 at batch 128) on every coreset. At 90 % pruning a coreset has 20 images per class.
   */
  static EvaluationTier cifar() {
    long iterations = 15 * ((2_000 + 127) / 128);
    return new EvaluationTier("cifar", Dataset.CIFAR_10, Section.CIFAR_10, 2_000, new EvaluationProtocol("CIFAR-10 subset (the "
        + "2,000 training images of data_batch_1_first2000.bin, the 1,000 test images of test_batch_first1000.bin)",
        Architecture.SMALL_CNN, 15, Architecture.MLP, Architecture.MLP, Architecture.MLP, RATES, SEEDS, iterations,
        true, NOISE, 1000, List.of(EvaluatedMethod.values()), 2602_02739L),
        "the only CIFAR-10 training images in the shared folder are 2,000, so this is the note's smoke test of the "
            + "pipeline on colour images, not a measure of the paper's CIFAR numbers (ResNet-18, 50,000 images): "
            + "the mlp as the trained model keeps the 150 trainings of the grid, the noise and the transfer within "
            + "a few minutes.");
  }
}
