package org.trustml.fairness.boost;

import org.trustml.fairness.data.FairProblem;

/**
 * Scores of every ensemble prefix on any rows, computed in one pass over the learners: prefix t + 1's scores are
 * prefix t's plus one learner, summed in the same order as {@link Ensemble#score}, so they match it exactly.
 */
public final class StagedScores {

  /** Receives the scores after each prefix; the array is reused between calls. */
  @FunctionalInterface
  public interface StageConsumer {
    void stage(int t, double[] scores);
  }

  private StagedScores() { }

  /** Calls {@code consumer} with the scores of prefixes θ = 1 … trees (all learners, whatever θ is set). */
  public static void forEachStage(Ensemble ensemble, float[] rows, StageConsumer consumer) {
    int d = ensemble.featureNames().size();
    if (d == 0 || rows.length % d != 0) {
      throw new IllegalArgumentException("rows must hold whole rows of " + d + " features");
    }
    int n = rows.length / d;
    double[] scores = new double[n];
    java.util.Arrays.fill(scores, ensemble.base());
    boolean adaBoost = ensemble.kind() == Ensemble.Kind.ADABOOST;
    for (int t = 0; t < ensemble.trees().size(); t++) {
      Tree tree = ensemble.trees().get(t);
      double w = ensemble.weights()[t];
      for (int i = 0; i < n; i++) {
        scores[i] += adaBoost ? (tree.predictClass(rows, i * d) == 1 ? w : -w) : w * tree.value(rows, i * d);
      }
      consumer.stage(t, scores);
    }
  }

  /** Cumulative scores, {@code [stage][row]} (memory trees × rows doubles). */
  public static double[][] of(Ensemble ensemble, float[] rows) {
    double[][] out = new double[ensemble.trees().size()][];
    forEachStage(ensemble, rows, (t, s) -> out[t] = s.clone());
    return out;
  }

  /** Classes of every prefix, {@code [stage][row]}: 1 where the score is above 0. */
  public static int[][] classes(Ensemble ensemble, float[] rows) {
    int[][] out = new int[ensemble.trees().size()][];
    forEachStage(ensemble, rows, (t, s) -> out[t] = toClasses(s));
    return out;
  }

  /**
   * The trace of every prefix on another data set (validation or test), e.g. to choose θ there.
   *
   * @param imbalance which class-imbalance objective the second objective column holds
   */
  public static BoostingTrace trace(Ensemble ensemble, FairProblem problem, Constraint constraint,
      StageEvaluator.ImbalanceObjective imbalance, int minSupport) {
    if (!problem.featureNames().equals(ensemble.featureNames())) {
      throw new IllegalArgumentException("the problem's features differ from the ensemble's");
    }
    StageEvaluator evaluator = new StageEvaluator(problem, constraint, imbalance, minSupport);
    forEachStage(ensemble, problem.features(), (t, s) -> evaluator.record(toClasses(s)));
    return evaluator.trace();
  }

  static int[] toClasses(double[] scores) {
    int[] c = new int[scores.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = scores[i] > 0 ? 1 : 0;
    }
    return c;
  }
}
