package org.trustml.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.ml.CancellationCheck;
import org.trustml.ml.LabeledData;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import org.trustml.ml.ProgressListener;
import org.trustml.pruning.encoder.Architecture;
import org.trustml.pruning.encoder.EncoderSpec;
import org.trustml.pruning.encoder.EncoderTraining;
import org.trustml.pruning.encoder.EvaluationSpec;
import org.trustml.pruning.encoder.Labels;
import org.trustml.pruning.encoder.Patterns;
import org.trustml.pruning.encoder.SubsetEvaluation;
import org.trustml.pruning.encoder.TrainedEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole protocol end to end on 300 generated images: every table filled, consistent and serialisable. */
class EvaluatorTest {

  private static MlEngine ml;

  @BeforeAll
  static void engine() {
    ml = MlEngine.start(MlSettings.fromEnvironment());
  }

  static EvaluationProtocol tiny() {
    return new EvaluationProtocol("generated bars", Architecture.SMALL_CNN, 2, Architecture.MLP, Architecture.MLP,
        Architecture.MLP, new double[] {0.9, 0.5}, new long[] {1, 2}, 40, true, new double[] {0.5}, 100,
        List.of(EvaluatedMethod.values()), 3);
  }

  @Test
  void theWholeProtocolOnGeneratedImages() {
    EvaluationProtocol protocol = tiny();
    List<Double> fractions = new ArrayList<>();
    EvaluationReport report;
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 300, 1, 0.3f);
      LabeledData test = Patterns.make(m, 150, 2, 0.3f);
      report = Evaluator.run(ml, train, test, protocol, (fraction, stage) -> fractions.add(fraction),
          CancellationCheck.NONE);
    }
    int methods = EvaluatedMethod.values().length;

    assertEquals(List.of("small-cnn", "mlp"), report.encoders().stream().map(EvaluationReport.EncoderRun::architecture)
        .toList());
    assertEquals(2, report.fullData().values().length);
    assertTrue(report.fullData().mean() > 0.8, "full-data accuracy " + report.fullData().mean());

    assertEquals(methods * 2, report.accuracy().size());
    for (EvaluationReport.AccuracyCell c : report.accuracy()) {
      // 100 per class: 50 kept at 50 %, 10 at 90 %
      assertEquals(c.rate() == 0.5 ? 150 : 30, c.kept(), c.method() + " at " + c.rate());
      assertEquals(2, c.accuracy().values().length);
      for (double a : c.accuracy().values()) {
        assertTrue(a >= 0 && a <= 1, c.method() + " accuracy " + a);
      }
      Summary again = Summary.of(c.accuracy().values());
      assertEquals(again.mean(), c.accuracy().mean(), 0.0);
      assertEquals(again.std(), c.accuracy().std(), 0.0);
    }
    assertEquals(0.5, report.accuracy().get(0).rate(), "rates in ascending order");

    // equal epochs: the same coresets for the epochs 40 steps give all 300 images (20 at 50 %, 4 at 90 %)
    assertEquals(methods * 2, report.accuracyEqualEpochs().size());
    for (EvaluationReport.AccuracyCell c : report.accuracyEqualEpochs()) {
      EvaluationReport.AccuracyCell iterations = report.cell(c.method(), c.rate());
      assertEquals(40, iterations.steps());
      assertEquals(iterations.kept(), c.kept());
      assertEquals(c.rate() == 0.5 ? 20 : 4, c.steps(), c.method() + " at " + c.rate());
    }

    assertEquals(methods * 2, report.seedOverlap().size());
    for (EvaluationReport.SeedOverlap o : report.seedOverlap()) {
      boolean deterministic = o.method().equals("herding") || o.method().equals("moderate")
          || o.method().equals("d2-forgetting"); // D2 below 10,000 samples per class: brute-force kNN, no seed
      if (deterministic) {
        assertEquals(1.0, o.jaccard(), o.method() + " does not use the seed");
      } else if (o.method().equals("random")) {
        assertTrue(o.jaccard() < 1, "random with two seeds: " + o.jaccard());
      }
      assertTrue(o.jaccard() >= 0 && o.jaccard() <= 1);
    }

    assertEquals(methods * 2, report.coverage().size());
    for (EvaluationReport.CoverageCell c : report.coverage()) {
      assertTrue(c.auc() > 0 && c.auc() <= 1, c.toString());
      assertTrue(c.coveredAtRadius() > 0 && c.coveredAtRadius() <= 1, c.toString());
      assertTrue(c.redundantFraction() >= 0 && c.redundantFraction() <= 1, c.toString());
    }
    // k-center's greedy centres at 90 % are the first of those at 50 %: a superset covers at least as well
    EvaluationReport.CoverageCell kc50 = coverage(report, "kcenter", 0.5);
    EvaluationReport.CoverageCell kc90 = coverage(report, "kcenter", 0.9);
    assertTrue(kc50.auc() >= kc90.auc() && kc50.coveringRadius() <= kc90.coveringRadius(), kc50 + " vs " + kc90);

    assertEquals(methods, report.noise().size());
    assertTrue(report.medianNearestNeighborDistance() > 0);
    for (EvaluationReport.NoiseCell n : report.noise()) {
      assertEquals(0.5 * report.medianNearestNeighborDistance(), n.sigma(), 1e-12);
      EvaluationReport.AccuracyCell clean = report.cell(n.method(), 0.9);
      assertEquals(clean.accuracy().values()[0], n.cleanAccuracy(), 0.0, "clean accuracy is seed 1's");
      if (!n.usesEmbeddings()) {
        // random and CCS over AUM never see the embeddings: noise cannot move them, nor the trained model
        assertEquals(1.0, n.jaccard(), n.method());
        assertEquals(n.cleanAccuracy(), n.accuracy(), 0.0, n.method());
      }
    }
    for (EvaluationReport.NoiseCell n : report.noise()) {
      boolean topo = EvaluatedMethod.of(n.method()).isTopoPrune();
      assertEquals(topo, n.scoreSpearman() != null, n.method());
      if (topo) {
        assertTrue(n.scoreSpearman() > -1 && n.scoreSpearman() < 1, n.method() + " ρ " + n.scoreSpearman());
      }
    }
    EvaluationReport.NoiseCell kcenter = report.noise().stream().filter(n -> n.method().equals("kcenter"))
        .findFirst().orElseThrow();
    assertTrue(kcenter.jaccard() < 1, "k-center with noise half the NN distance moves: " + kcenter.jaccard());

    assertEquals(methods, report.transfer().size());
    for (EvaluationReport.TransferCell t : report.transfer()) {
      // the trained model is the mlp in both, so the small-cnn coresets' accuracies are the main table's
      assertArrayEquals(report.cell(t.method(), 0.9).accuracy().values(), t.otherEncoder().values(), 0.0);
      assertEquals(t.otherEncoder().mean() - t.ownEncoder().mean(), t.gap(), 1e-15);
      assertEquals("small-cnn", t.otherEncoderId());
    }

    for (int i = 1; i < fractions.size(); i++) {
      assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never decreases");
    }
    assertEquals(1.0, fractions.get(fractions.size() - 1));
    assertTrue(report.timings().stream().anyMatch(t -> t.stage().startsWith("topoprune manifold")));
    assertTrue(report.totalSeconds() > 0);

    JsonNode json = JsonMapper.builder().build().readTree(JsonMapper.builder().build().writeValueAsString(report));
    assertEquals(report.accuracy().get(3).accuracy().mean(), json.get("accuracy").get(3).get("accuracy")
        .get("mean").asDouble(), 0.0);
    assertEquals("TOPOPRUNE_LA", json.get("protocol").get("methods").get(6).asString());
    assertEquals(report.noise().get(0).jaccard(), json.get("noise").get(0).get("jaccard").asDouble(), 0.0);

    List<ReachVerdict.Claim> claims = ReachVerdict.check(report, "topoprune-la");
    assertEquals(3, claims.size());
    assertTrue(claims.stream().allMatch(c -> c.met() != null), claims.toString());
    List<ReachVerdict.Claim> epochClaims = ReachVerdict.checkEqualEpochs(report, "topoprune-la");
    assertEquals(2, epochClaims.size());
    assertTrue(epochClaims.stream().allMatch(c -> c.met() != null && c.claim().endsWith("(equal epochs)")),
        epochClaims.toString());
  }

  @Test
  void equalEpochAccuracyIsATrainingOfThatManyStepsOnTheSameCoreset() {
    EvaluationProtocol protocol = new EvaluationProtocol("generated bars", Architecture.SMALL_CNN, 1,
        Architecture.MLP, null, null, new double[] {0.8}, new long[] {5}, 30, true, new double[0], 100,
        List.of(EvaluatedMethod.HERDING), 3);
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 300, 1, 0.3f);
      LabeledData test = Patterns.make(m, 150, 2, 0.3f);
      EvaluationReport report = Evaluator.run(ml, train, test, protocol, (f, s) -> {}, CancellationCheck.NONE);
      EvaluationReport.AccuracyCell cell = report.accuracyEqualEpochs().get(0);
      assertEquals(60, cell.kept());
      assertEquals(6, cell.steps(), "30 steps × 60 / 300");
      // the same encoder, herding's (seedless) coreset again, then 6 steps with the same seed
      int[] ids;
      EncoderSpec spec = EncoderSpec.defaults(Architecture.SMALL_CNN, 3, 3).withEpochs(1);
      try (TrainedEncoder encoder = EncoderTraining.train(ml, train, spec, ProgressListener.NONE,
          CancellationCheck.NONE)) {
        ids = new CoresetSelector("again", encoder.embed(train.features()), Labels.codes(train.labels()),
            encoder.dynamics(), new Timings()).kept(EvaluatedMethod.HERDING, 0.8, 5);
      }
      double direct = SubsetEvaluation.trainAndEvaluate(ml, train, ids, test,
          EvaluationSpec.of(Architecture.MLP, 3, 6, 5), ProgressListener.NONE, CancellationCheck.NONE).accuracy();
      assertEquals(direct, cell.accuracy().values()[0], 0.0);
      double thirtySteps = SubsetEvaluation.trainAndEvaluate(ml, train, ids, test,
          EvaluationSpec.of(Architecture.MLP, 3, 30, 5), ProgressListener.NONE, CancellationCheck.NONE).accuracy();
      assertEquals(thirtySteps, report.cell("herding", 0.8).accuracy().values()[0], 0.0);
    }
  }

  private static EvaluationReport.CoverageCell coverage(EvaluationReport report, String method, double rate) {
    return report.coverage().stream().filter(c -> c.method().equals(method) && c.rate() == rate).findFirst()
        .orElseThrow();
  }

  @Test
  void cancellationStopsTheEvaluation() {
    RuntimeException stop = new IllegalStateException("cancelled");
    try (NDManager m = ml.newManager()) {
      LabeledData train = Patterns.make(m, 60, 1, 0.3f);
      LabeledData test = Patterns.make(m, 30, 2, 0.3f);
      RuntimeException e = assertThrows(RuntimeException.class, () -> Evaluator.run(ml, train, test, tiny(),
          (f, s) -> {}, () -> {
            throw stop;
          }));
      assertSame(stop, e);
    }
  }

  @Test
  void badProtocolsAreClearErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EvaluationProtocol("x",
        Architecture.MLP, 1, Architecture.MLP, Architecture.MLP, Architecture.MLP, new double[] {0.5}, new long[] {1},
        1, false, new double[0], 10, List.of(EvaluatedMethod.RANDOM), 1));
    assertTrue(e.getMessage().contains("transfer encoder must differ"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EvaluationProtocol("x", Architecture.MLP, 1,
        Architecture.MLP, null, null, new double[] {0.5, 1.0}, new long[] {1}, 1, false, new double[0], 10,
        List.of(EvaluatedMethod.RANDOM), 1));
    assertTrue(e.getMessage().contains("rates"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EvaluatedMethod.of("topoprune"));
    assertTrue(e.getMessage().contains("topoprune-la"), e.getMessage());
    assertFalse(Arrays.asList(EvaluatedMethod.values()).isEmpty());
  }
}
