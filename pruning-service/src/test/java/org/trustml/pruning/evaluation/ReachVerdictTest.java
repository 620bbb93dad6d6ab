package org.trustml.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.pruning.encoder.Architecture;

/** The reach checked on hand-made reports. */
class ReachVerdictTest {

  private static EvaluationReport report(double topoMean, double[] randomAcc, double topoNoise, double d2Noise) {
    EvaluationProtocol protocol = new EvaluationProtocol("hand", Architecture.SMALL_CNN, 1, Architecture.MLP, null,
        null, new double[] {0.9}, new long[] {1, 2}, 10, false, new double[] {0.1},
        10, List.of(EvaluatedMethod.RANDOM, EvaluatedMethod.D2_FORGETTING, EvaluatedMethod.TOPOPRUNE_LA), 1);
    List<EvaluationReport.AccuracyCell> cells = List.of(
        new EvaluationReport.AccuracyCell("random", 0.9, 10, 10, Summary.of(randomAcc), 0, 0),
        new EvaluationReport.AccuracyCell("d2-forgetting", 0.9, 10, 10, Summary.of(0.70, 0.72), 0, 0),
        new EvaluationReport.AccuracyCell("topoprune-la", 0.9, 10, 10, Summary.of(topoMean - 0.01, topoMean + 0.01),
            0, 0));
    // equal epochs: the same order, with topo 0.05 lower
    List<EvaluationReport.AccuracyCell> epochCells = cells.stream().map(c -> new EvaluationReport.AccuracyCell(
        c.method(), c.rate(), c.kept(), 1, c.method().equals("topoprune-la") ? Summary.of(topoMean - 0.06,
            topoMean - 0.04) : c.accuracy(), 0, 0)).toList();
    List<EvaluationReport.NoiseCell> noise = List.of(
        new EvaluationReport.NoiseCell("random", 0.1, 0.01, 1.0, 0.6, 0.6, false, null),
        new EvaluationReport.NoiseCell("d2-forgetting", 0.1, 0.01, d2Noise, 0.7, 0.7, true, null),
        new EvaluationReport.NoiseCell("topoprune-la", 0.1, 0.01, topoNoise, 0.7, 0.7, true, 0.9));
    return new EvaluationReport(protocol, List.of(), 1, Summary.of(0.9), cells, epochCells, List.of(), List.of(), noise,
        List.of(), List.of(), 1);
  }

  @Test
  void allThreeClaimsMetAndMissed() {
    // topo 0.75 (std √2·0.01 = 0.01414); random 0.60 ± 0.01414: difference 0.15 > 2·0.01414; best baseline d2 0.71
    List<ReachVerdict.Claim> met = ReachVerdict.check(report(0.75, new double[] {0.59, 0.61}, 0.8, 0.7),
        "topoprune-la");
    assertEquals(List.of(true, true, true), met.stream().map(ReachVerdict.Claim::met).toList(), met.toString());
    assertTrue(met.get(0).detail().contains("d2-forgetting"), met.get(0).detail());

    // topo 0.705 below d2's 0.71; random 0.65 ± 0.0707 (values 0.60, 0.70): margin 0.1414 > 0.055; noise 0.6 < 0.7
    // (random's Jaccard of 1 is ignored: it does not use the embeddings)
    List<ReachVerdict.Claim> missed = ReachVerdict.check(report(0.705, new double[] {0.60, 0.70}, 0.6, 0.7),
        "topoprune-la");
    assertEquals(List.of(false, false, false), missed.stream().map(ReachVerdict.Claim::met).toList(),
        missed.toString());

    // equal epochs: topo 0.70 below d2's 0.71, 0.10 above random (0.60 ± 0.01414): only the accuracy claims
    List<ReachVerdict.Claim> epochs = ReachVerdict.checkEqualEpochs(report(0.75, new double[] {0.59, 0.61}, 0.8,
        0.7), "topoprune-la");
    assertEquals(List.of(false, true), epochs.stream().map(ReachVerdict.Claim::met).toList(), epochs.toString());
    assertTrue(epochs.get(0).claim().endsWith("at 90 % (equal epochs)"), epochs.get(0).claim());

    assertNull(ReachVerdict.check(report(0.75, new double[] {0.59, 0.61}, 0.8, 0.7), "topoprune-lb").get(0).met());
  }
}
