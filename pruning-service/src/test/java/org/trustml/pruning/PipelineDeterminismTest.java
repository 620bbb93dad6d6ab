package org.trustml.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.manifold.UmapParams;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.SelectionResult;
import org.trustml.pruning.selection.Selector;

/** The design note's determinism check (§7): same seed ⇒ identical kept ids for 1, 2 and 8 threads. */
class PipelineDeterminismTest {

  private static SelectionResult keptWith(double[] z, int[] labels, int threads) {
    ManifoldParams manifoldParams = ManifoldParams.defaults(17).withUmap(UmapParams.defaults(17).withEpochs(100))
        .withThreads(threads);
    ManifoldEmbedding m = ManifoldStage.run(z, 16, labels, manifoldParams);
    double[] scores = StructuralComplexityScorer.score(m, labels, manifoldParams.scope(),
        LocalScoreParams.defaults().withPatchK(16).withThreads(threads), 17);
    return Selector.select(scores, labels, SelectionParams.defaults(0.9, 17));
  }

  @Test
  void sameSeedKeepsTheSameIdsForOneTwoAndEightThreads() {
    Random random = new Random(13);
    int n = 450;
    double[] z = new double[n * 16];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int k = 0; k < 16; k++) {
        z[i * 16 + k] = random.nextGaussian() + (k == labels[i] ? 3 : 0);
      }
    }
    SelectionResult one = keptWith(z, labels, 1);
    assertArrayEquals(one.kept(), keptWith(z, labels, 2).kept());
    assertArrayEquals(one.kept(), keptWith(z, labels, 8).kept());
  }
}
