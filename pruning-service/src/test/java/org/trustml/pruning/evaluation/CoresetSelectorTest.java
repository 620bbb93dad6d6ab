package org.trustml.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.encoder.TrainingDynamics;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.Selector;

/** TopoPrune's evaluated methods are the library's pipeline with their switches, and nothing else. */
class CoresetSelectorTest {

  private static final int PER_CLASS = 80;
  private static final int DIM = 12;

  private final float[][] embeddings = new float[3 * PER_CLASS][DIM];
  private final int[] labels = new int[3 * PER_CLASS];
  private final Timings timings = new Timings();
  private final CoresetSelector selector;

  CoresetSelectorTest() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
      for (int k = 0; k < DIM; k++) {
        // anisotropic classes, so principal components and UMAP lay the patches out differently
        embeddings[i][k] = (float) (labels[i] * 2 + random.nextGaussian() / (1 + k));
      }
    }
    double[] zeros = new double[labels.length];
    selector = new CoresetSelector("generated", embeddings, labels,
        new TrainingDynamics(zeros, zeros, zeros, new int[0], 1), timings);
  }

  @Test
  void laOnPcaIsTheLibrarysPcaPipeline() {
    long seed = 5;
    ManifoldEmbedding pca = ManifoldStage.run(ManifoldStage.rowMajor(embeddings), DIM, labels,
        ManifoldParams.defaults(seed).withMethod(ManifoldParams.Method.PCA));
    double[] expected = StructuralComplexityScorer.score(pca, labels, ManifoldParams.Scope.PER_CLASS,
        LocalScoreParams.defaults(), seed);

    assertArrayEquals(expected, selector.topoScore(EvaluatedMethod.TOPOPRUNE_LA_PCA, seed), 0.0);
    assertArrayEquals(Selector.select(expected, labels, SelectionParams.defaults(0.7, seed)).kept(),
        selector.kept(EvaluatedMethod.TOPOPRUNE_LA_PCA, 0.7, seed));
    assertTrue(timings.entries().stream().anyMatch(t -> t.stage().equals("topoprune pca (generated, seed 5)")),
        timings.entries().toString());
  }

  @Test
  void umapAndPcaVariantsDoNotShareAManifold() {
    double[] onUmap = selector.topoScore(EvaluatedMethod.TOPOPRUNE_LA, 3);
    double[] onPca = selector.topoScore(EvaluatedMethod.TOPOPRUNE_LA_PCA, 3);
    assertEquals(labels.length, onUmap.length);
    assertTrue(RankCorrelation.spearman(onUmap, onPca) < 0.999, "two global stages, two scores");
    assertEquals(2, timings.entries().stream().filter(t -> t.stage().startsWith("topoprune topo_consistency"))
        .count(), timings.entries().toString());
  }

  @Test
  void baselinesHaveNoTopologicalScore() {
    assertThrows(IllegalArgumentException.class, () -> selector.topoScore(EvaluatedMethod.MODERATE, 1));
  }
}
