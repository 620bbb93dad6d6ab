package org.trustml.fairness.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustml.ml.MlEngine;
import org.trustml.ml.MlSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole comparison at CI size: 4,000 training and 2,000 test rows of Adult, three tasks. */
class FairBranchTrainerTest {

  private static MlEngine engine;

  @BeforeAll
  static void start() {
    engine = MlEngine.start(MlSettings.fromEnvironment());
  }

  @Test
  void fairBranchBranchesAndReportsFiniteGains() {
    MultiTaskSplit split = AdultData.split().head(4_000, 2_000, 0, 1, 2);
    FairBranchConfig config = FairBranchConfig.small(5).withTau(0.5);
    List<String> progress = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void epochDone(String model, int epoch, int epochs) {
            progress.add(model + " " + epoch + "/" + epochs);
          }
        };

    FairBranchReport report = new FairBranchExperiment(engine, config, listener).run(split);
    System.out.println(report.gainsTable());
    report.fairBranch().branching().forEach(System.out::println);
    report.fairBranch().epochs().forEach(System.out::println);

    assertThat(report.fairBranch().branching()).isNotEmpty();
    BranchEvent first = report.fairBranch().branching().get(0);
    assertThat(first.layer()).isEqualTo(config.widths().size());
    assertThat(first.compared()).hasSize(3);
    assertThat(report.plainMultiTask().branching()).isEmpty();
    for (ModelReport model : List.of(report.plainMultiTask(), report.fairBranch())) {
      assertThat(model.gains()).hasSize(4);
      for (TaskGains g : model.gains()) {
        assertThat(List.of(g.knowledgeGain(), g.discriminationGainEp(), g.discriminationGainEo()))
            .allMatch(Double::isFinite);
      }
      assertThat(model.tasks()).allMatch(t -> t.accuracy() > 0.6);
    }
    // FBGrad only sees pairs of tasks in one branch: here the top layer splits into singletons and the three tasks
    // share the layer below, where gradients do conflict; fairness gradients are zero for a task whose head
    // gradients of L_t and F_t conflicted (λ_t = 0), which is why fairness conflicts are rare (0–1 an epoch)
    assertThat(report.fairBranch().epochs().stream()
        .mapToInt(e -> e.fairnessConflicts() + e.accuracyConflicts()).sum()).isPositive();
    assertThat(report.fairBranch().epochs()).allMatch(e -> e.headConflicts() > 0);
    // checked on this seed (mean DG-EO −0.12 against −0.04): training on F_t lowers the equalized-odds violation
    assertThat(report.fairBranch().mean().discriminationGainEo())
        .isLessThanOrEqualTo(report.plainMultiTask().mean().discriminationGainEo() + 0.02);
    assertThat(progress).contains("fairbranch 3/3", "plain-mtl 3/3", "single-income 3/3");

    JsonNode json = JsonMapper.builder().build().valueToTree(report);
    assertThat(json.get("fairBranch").get("gains").get(3).get("task").asString()).isEqualTo("mean");
    assertThat(json.get("fairBranch").get("branching").get(0).get("groups").isArray()).isTrue();
  }

  @Test
  void trainingIsDeterministicForASeed() {
    MultiTaskSplit split = AdultData.split().head(600, 300, 0, 2);
    FairBranchConfig config = FairBranchConfig.small(9).withEpochs(1).withTau(0.0);
    try (NDManager manager = engine.newManager()) {
      FairBranchTrainer trainer = new FairBranchTrainer(config, manager, TrainingListener.NONE);
      FairBranchTrainer.Trained a = trainer.train("a", split.train(), FairBranchTrainer.Mode.FAIR_BRANCH);
      FairBranchTrainer.Trained b = trainer.train("b", split.train(), FairBranchTrainer.Mode.FAIR_BRANCH);
      assertThat(a.branching()).isNotEmpty();
      assertThat(b.predict(manager, split.test())).isEqualTo(a.predict(manager, split.test()));
      assertThat(b.epochs().get(0).accuracyLoss()).isEqualTo(a.epochs().get(0).accuracyLoss());
    }
  }

  @Test
  void checkpointSelectionKeepsTheEpochWithTheFewestValidationConflictsAndChangesNothingElse() {
    MultiTaskSplit split = AdultData.split().head(900, 300, 0, 1, 2);
    FairBranchConfig config = FairBranchConfig.small(9).withTau(0.5).withEpochs(4);
    MultiTaskData[] parts = FairBranchExperiment.holdOut(split.train(), 0.2, 9);
    try (NDManager manager = engine.newManager()) {
      FairBranchTrainer trainer = new FairBranchTrainer(config, manager, TrainingListener.NONE);
      FairBranchTrainer.Trained kept = trainer.train("fb", parts[0], parts[1], FairBranchTrainer.Mode.FAIR_BRANCH);
      List<EpochLog> logs = kept.epochs();
      logs.forEach(System.out::println);
      assertThat(logs).hasSize(4).allMatch(e -> e.validationConflicts() != null && e.validationConflicts() >= 0);
      // the trunk's output is shared by all three tasks, so some pairs conflict
      assertThat(logs.stream().mapToDouble(EpochLog::validationConflicts).sum()).isPositive();
      int expected = 1;
      for (EpochLog e : logs) {
        if (e.validationConflicts() <= logs.get(expected - 1).validationConflicts()) {
          expected = e.epoch();
        }
      }
      assertThat(kept.checkpointEpoch()).isEqualTo(expected);
      assertThat(expected).as("on this seed an earlier epoch wins, so the oracle below is a shorter run").isEqualTo(3);
      // oracle: measuring draws nothing and updates nothing, so the kept net is the one a run of exactly that many
      // epochs without validation ends with
      FairBranchTrainer shorter =
          new FairBranchTrainer(config.withEpochs(expected), manager, TrainingListener.NONE);
      FairBranchTrainer.Trained reference = shorter.train("ref", parts[0], FairBranchTrainer.Mode.FAIR_BRANCH);
      assertThat(kept.predict(manager, split.test())).isEqualTo(reference.predict(manager, split.test()));
      assertThat(kept.sharedDepth()).isEqualTo(reference.sharedDepth());
      // without validation rows, or in plain mode, the last epoch and no counts
      FairBranchTrainer.Trained plain = trainer.train("mtl", parts[0], parts[1], FairBranchTrainer.Mode.PLAIN);
      assertThat(plain.checkpointEpoch()).isEqualTo(4);
      assertThat(plain.epochs()).allMatch(e -> e.validationConflicts() == null);
    }
  }

  @Test
  void holdOutSplitsTheTrainingRowsDisjointlyInOrderAndBySeed() {
    MultiTaskData train = AdultData.split().head(101, 10, 0, 1).train();
    MultiTaskData[] parts = FairBranchExperiment.holdOut(train, 0.1, 3);
    assertThat(parts[1].rows()).isEqualTo(11); // ⌈10.1⌉
    assertThat(parts[0].rows()).isEqualTo(90);
    MultiTaskData[] again = FairBranchExperiment.holdOut(train, 0.1, 3);
    assertThat(again[1].features()).isEqualTo(parts[1].features());
    assertThat(FairBranchExperiment.holdOut(train, 0.1, 4)[1].features()).isNotEqualTo(parts[1].features());
    // every training row lands in exactly one part: compare the multisets of feature rows
    List<String> all = new ArrayList<>(rowsOf(train));
    List<String> split = new ArrayList<>(rowsOf(parts[0]));
    split.addAll(rowsOf(parts[1]));
    java.util.Collections.sort(all);
    java.util.Collections.sort(split);
    assertThat(split).isEqualTo(all);
    assertThat(FairBranchExperiment.holdOut(train, 0, 3)[1]).isNull();
    assertThat(FairBranchExperiment.holdOut(train, 0, 3)[0]).isSameAs(train);
  }

  private static List<String> rowsOf(MultiTaskData d) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.rows(); i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < d.featureCount(); k++) {
        b.append(d.features()[i * d.featureCount() + k]).append(',');
      }
      for (int t = 0; t < d.taskCount(); t++) {
        b.append(d.targets()[t][i]).append(',');
      }
      rows.add(b.append(d.group()[i]).append(',').append(d.chunk()[i]).toString());
    }
    return rows;
  }

  @Test
  void medianAndConflictingPairsByHand() {
    assertThat(FairBranchTrainer.median(new int[] {3, 1, 2})).isEqualTo(2.0);
    assertThat(FairBranchTrainer.median(new int[] {4, 1, 3, 0})).isEqualTo(2.0);
    assertThat(FairBranchTrainer.median(new int[] {5})).isEqualTo(5.0);
    // (1,0)·(−1,0) < 0 and (1,0)·(0,1) = 0 (not a conflict) and (−1,0)·(0,1) = 0
    assertThat(FairBranchTrainer.conflictingPairs(new float[][] {{1, 0}, {-1, 0}, {0, 1}})).isEqualTo(1);
    assertThat(FairBranchTrainer.conflictingPairs(new float[][] {{1, 1}, {-1, 0}, {0, -1}})).isEqualTo(2);
  }

  @Test
  void aSnapshotSharesNothingWithItsNet() {
    try (NDManager manager = engine.newManager()) {
      BranchedNet net = new BranchedNet(3, List.of(4, 4), 2, new java.util.SplittableRandom(1));
      net.split(List.of(List.of(0), List.of(1)));
      BranchedNet copy = net.copy();
      float[] x = {0.5f, -1f, 2f, 1f, 0f, -0.5f};
      float[][] before = net.logits(manager, x, 2, 3);
      assertThat(copy.logits(manager, x, 2, 3)).isEqualTo(before);
      assertThat(copy.sharedDepth()).isEqualTo(net.sharedDepth());
      net.head(0).weight[0] += 1;
      net.layer(1, 1).bias[0] += 1;
      net.branches(0).get(0).layer().weight[0] += 1;
      assertThat(copy.logits(manager, x, 2, 3)).isEqualTo(before);
      assertThat(net.logits(manager, x, 2, 3)).isNotEqualTo(before);
    }
  }

  @Test
  void aCancelledListenerStopsTraining() {
    MultiTaskSplit split = AdultData.split().head(300, 100, 0);
    TrainingListener cancelled =
        new TrainingListener() {
          @Override
          public boolean cancelled() {
            return true;
          }
        };
    try (NDManager manager = engine.newManager()) {
      FairBranchTrainer trainer = new FairBranchTrainer(FairBranchConfig.small(1), manager, cancelled);
      assertThatThrownBy(() -> trainer.train("x", split.train(), FairBranchTrainer.Mode.PLAIN))
          .isInstanceOf(CancellationException.class);
    }
  }
}
