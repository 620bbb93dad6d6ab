package org.trustml.pruning.encoder;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Locale;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.ml.ProgressListener;
import org.trustml.pruning.baseline.CcsPruning;
import org.trustml.pruning.baseline.D2Params;
import org.trustml.pruning.baseline.D2Pruning;
import org.trustml.pruning.baseline.Herding;
import org.trustml.pruning.baseline.KCenterGreedy;
import org.trustml.pruning.baseline.ModerateDs;
import org.trustml.pruning.baseline.PruningInput;
import org.trustml.pruning.baseline.PruningMethod;
import org.trustml.pruning.baseline.PruningOutcome;
import org.trustml.pruning.baseline.PruningRun;
import org.trustml.pruning.baseline.RandomPruning;

/**
 * Timing run, not a test: one epoch of each encoder on the 60,000 Fashion-MNIST training images (defaults: 64-d
 * embeddings, Adam 1e-3, batches of 128, EL2N pass after epoch 1), the embedding pass, test accuracy after that
 * epoch, then each baseline at 90 % pruning on the CNN's embeddings. Sizes the evaluation protocol.
 */
public final class EncoderEpochTiming {

  private EncoderEpochTiming() {}

  public static void main(String[] args) throws Exception {
    MlEngine ml = MlEngine.start(MlSettings.fromEnvironment());
    System.out.println("engine " + ml.info() + ", threads " + System.getProperty("trustml.ml.threads", "default")
        + ", cores " + Runtime.getRuntime().availableProcessors());
    try (NDManager m = ml.newManager()) {
      long t = System.nanoTime();
      LabeledData train = FashionMnist.load(m, "train", Integer.MAX_VALUE);
      LabeledData test = FashionMnist.load(m, "t10k", Integer.MAX_VALUE);
      System.out.printf(Locale.ROOT, "load %d + %d images: %.1f s%n", train.size(), test.size(), secs(t));
      float[][] cnnEmbeddings = null;
      TrainingDynamics cnnDynamics = null;
      for (Architecture a : Architecture.values()) {
        EncoderSpec spec = EncoderSpec.defaults(a, 10, 1).withEpochs(1);
        t = System.nanoTime();
        try (TrainedEncoder e = EncoderTraining.train(ml, train, spec, ProgressListener.NONE,
            CancellationCheck.NONE)) {
          double total = secs(t);
          double epoch = e.training().epochs().get(0).seconds();
          t = System.nanoTime();
          float[][] z = e.embed(train.features());
          double embed = secs(t);
          double accuracy = e.accuracy(test);
          System.out.printf(Locale.ROOT, "%s: epoch %.1f s (469 steps), EL2N pass %.1f s, run %.1f s; "
              + "embedding 60k %.1f s; test accuracy after 1 epoch %.4f%n", a.id(), epoch,
              total - epoch - 0, total, embed, accuracy);
          if (a == Architecture.SMALL_CNN) {
            cnnEmbeddings = z;
            cnnDynamics = e.dynamics();
          }
        }
      }
      int[] labels = new int[train.size()];
      System.arraycopy(Labels.of(train.labels(), 10), 0, labels, 0, labels.length);
      PruningInput in = new PruningInput(cnnEmbeddings, labels, cnnDynamics.aum());
      for (PruningMethod method : List.of(new RandomPruning(), new KCenterGreedy(), new Herding(),
          ModerateDs.defaults(), CcsPruning.defaults(false), new D2Pruning(D2Params.defaults(), false))) {
        t = System.nanoTime();
        PruningOutcome out = method.prune(in, PruningRun.classBalanced(0.9, 1));
        System.out.printf(Locale.ROOT, "%s at 90 %% (keeps %d): %.1f s%n", method.name(),
            out.selection().kept().length, secs(t));
      }
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
