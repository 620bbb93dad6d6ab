package org.trustml.fairness.boost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.fairness.data.FairProblem;

/**
 * MMM-Fair's AdaBoost variant, clean version (design note §3): SAMME with K = 2 over weighted depth-limited trees,
 * where after each round only misclassified rows (for DP: rows predicted 0) are up-weighted by
 * cost · exp(clip(α_t·p_i, −30, 30)), the cost raising the currently disadvantaged groups, and weights are then
 * renormalised to their previous total. Trees are fitted only on the active rows w_i ≤ 1000·min(w).
 *
 * <p>With {@link Constraint#NONE} it is textbook SAMME (all rows, misclassified rows × exp(α_t), weights normalised
 * to sum 1), comparable with scikit-learn's {@code AdaBoostClassifier(algorithm="SAMME")}.
 *
 * <p>Details the written rule leaves open: a perfect round (err ≤ 0) is kept with α = 1 and ends training, as
 * scikit-learn does. Over-boosted rows left out of the fit still count in err, so a tree can be worse than chance on
 * all rows: it is then refitted on every row, and if still no better than chance, training ends as in scikit-learn
 * and MFBPP (mmm-fair 2.x keeps such rounds with α ≤ 0; with 500 rounds on Adult that drove the EO ensemble's
 * training accuracy to 0.23). The exp clip is applied to DP as well. For j* before the first round every f_j is 1, so j* is the first attribute; in
 * intersectional mode the group term of err uses the worst supported cell once one is known.
 */
public final class MmmFairAdaBoost {

  private static final double ACTIVE_RATIO = 1000;
  private static final double EXP_CLIP = 30;

  private final AdaBoostParams params;

  public MmmFairAdaBoost(AdaBoostParams params) {
    this.params = params;
  }

  /** Trains on {@code problem}; the listener hears every round and may throw to cancel. */
  public BoostingResult fit(FairProblem problem, BoostingListener listener) {
    int n = problem.rows();
    int[] y = problem.labels();
    for (int v : y) {
      if (v != 0 && v != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, found " + v);
      }
    }
    Constraint constraint = params.constraint();
    boolean[][] groups = problem.nonProtectedMatrix();
    BinnedFeatures binned = BinnedFeatures.of(problem.features(), problem.width(), params.maxBins());
    HistogramTreeGrower grower = new HistogramTreeGrower(binned, params.tree(), SplitCriterion.GINI);
    StageEvaluator evaluator = new StageEvaluator(problem, constraint,
        StageEvaluator.ImbalanceObjective.TPR_TNR_GAP, params.minSupport());

    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    double[] statA = new double[n];
    double[] statB = new double[n];
    double[] score = new double[n];
    int[] roundPrediction = new int[n];
    int[] ensemblePrediction = new int[n];
    double[] confidence = new double[n];
    boolean[] focus = focusRows(problem, groups, 0, null);
    List<Tree> trees = new ArrayList<>();
    List<Double> alphas = new ArrayList<>();
    int total = params.rounds();

    for (int t = 0; t < total; t++) {
      listener.round(t, total);
      int[] active = activeRows(w, constraint == Constraint.NONE);
      Round round = fitRound(grower, active, w, y, focus, statA, statB, roundPrediction, confidence);
      if (round.err() >= 0.5 && active.length < n) {
        // the over-boosted rows left out of the fit can make the tree worse than chance on all rows; fitted on
        // every row, a weighted tree is no worse than chance on them
        round = fitRound(grower, activeRows(w, true), w, y, focus, statA, statB, roundPrediction, confidence);
      }
      GrownTree grown = round.grown();
      double weightTotal = round.weightTotal();
      double err = round.err();
      boolean perfect = err <= 0;
      if (!perfect && err >= 0.5) {
        // as scikit-learn and MFBPP: a learner no better than chance is dropped and training ends (a kept round
        // with α ≤ 0 would vote against its tree while the weights still follow its mistakes)
        if (trees.isEmpty()) {
          throw new IllegalArgumentException("the first base tree is no better than chance (err = " + err + ")");
        }
        break;
      }
      double alpha = perfect ? 1.0 : params.learningRate() * Math.log((1 - err) / err);
      trees.add(grown.tree());
      alphas.add(alpha);
      for (int i = 0; i < n; i++) {
        score[i] += roundPrediction[i] == 1 ? alpha : -alpha;
        ensemblePrediction[i] = score[i] > 0 ? 1 : 0;
      }
      StageEvaluator.Stage stage = evaluator.record(ensemblePrediction);
      if (perfect || t == total - 1) {
        break;
      }
      if (constraint == Constraint.NONE) {
        sammeUpdate(w, roundPrediction, y, alpha);
        continue;
      }
      double[] cost = params.intersectional()
          ? FairnessCosts.byCell(constraint, stage.cellGaps(), problem.cells(), y)
          : FairnessCosts.byAttribute(constraint, stage.attributeGaps(), groups, y);
      fairUpdate(w, roundPrediction, y, alpha, confidence, cost, weightTotal);
      focus = focusRows(problem, groups, argmax(stage.attributeViolations()), stage.cellGaps());
    }
    double[] weights = alphas.stream().mapToDouble(Double::doubleValue).toArray();
    Ensemble ensemble = new Ensemble(Ensemble.Kind.ADABOOST, problem.featureNames(), trees, weights, 0,
        trees.size());
    return new BoostingResult(ensemble, evaluator.trace());
  }

  /** One round's tree, its weighted error (with DP's and EP's group term) and the total weight it was measured on. */
  private record Round(GrownTree grown, double err, double weightTotal) {}

  /** Fits a tree on {@code active} and measures it on every row, filling the round's predictions and confidences. */
  private Round fitRound(HistogramTreeGrower grower, int[] active, double[] w, int[] y, boolean[] focus,
      double[] statA, double[] statB, int[] roundPrediction, double[] confidence) {
    double activeWeight = 0;
    for (int i : active) {
      activeWeight += w[i];
    }
    Arrays.fill(statA, 0);
    Arrays.fill(statB, 0);
    for (int i : active) {
      statB[i] = w[i] / activeWeight;
      statA[i] = y[i] == 1 ? statB[i] : 0;
    }
    GrownTree grown = grower.grow(statA, statB, active);
    double weightTotal = 0;
    double missed = 0;
    double focusTerm = 0;
    for (int i = 0; i < w.length; i++) {
      double v = grown.value(i);
      roundPrediction[i] = v > 0.5 ? 1 : 0;
      confidence[i] = Math.max(v, 1 - v);
      weightTotal += w[i];
      boolean miss = roundPrediction[i] != y[i];
      if (miss) {
        missed += w[i];
      }
      if (focus != null && focus[i]) {
        if (params.constraint() == Constraint.DP ? roundPrediction[i] == 0 : miss && y[i] == 1) {
          focusTerm += w[i];
        }
      }
    }
    double err = missed / weightTotal;
    if (focus != null) {
      err = (1 - params.gamma()) * err + params.gamma() * focusTerm / weightTotal;
    }
    return new Round(grown, err, weightTotal);
  }

  /** Rows whose weight is at most 1000 × the smallest weight (all rows for plain SAMME). */
  private static int[] activeRows(double[] w, boolean all) {
    if (all) {
      int[] rows = new int[w.length];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = i;
      }
      return rows;
    }
    double min = Double.POSITIVE_INFINITY;
    for (double v : w) {
      min = Math.min(min, v);
    }
    double limit = ACTIVE_RATIO * min;
    int count = 0;
    for (double v : w) {
      if (v <= limit) {
        count++;
      }
    }
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] <= limit) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  /** Textbook SAMME: misclassified rows × exp(α), then normalised to sum 1. */
  private static void sammeUpdate(double[] w, int[] prediction, int[] y, double alpha) {
    double factor = Math.exp(alpha);
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      if (prediction[i] != y[i]) {
        w[i] *= factor;
      }
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
  }

  /** MMM-Fair: up-weight misclassified rows (DP: rows predicted 0) by cost, renormalise to the old total. */
  private void fairUpdate(double[] w, int[] prediction, int[] y, double alpha, double[] confidence, double[] cost,
      double previousTotal) {
    boolean parity = params.constraint() == Constraint.DP;
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      boolean raise = parity ? prediction[i] == 0 : prediction[i] != y[i];
      if (raise) {
        double exponent = Math.max(-EXP_CLIP, Math.min(EXP_CLIP, alpha * confidence[i]));
        w[i] *= cost[i] * Math.exp(exponent);
      }
      sum += w[i];
    }
    double scale = previousTotal / sum;
    for (int i = 0; i < w.length; i++) {
      w[i] *= scale;
    }
  }

  /**
   * The rows whose weight enters err's group term for DP and EP/TPR: the protected group of attribute j*, or the
   * worst supported cell in intersectional mode; null when the constraint has no such term.
   */
  private boolean[] focusRows(FairProblem problem, boolean[][] groups, int jStar, CellGaps cellGaps) {
    Constraint c = params.constraint();
    if (c != Constraint.DP && !c.isEqualOpportunity()) {
      return null;
    }
    int n = problem.rows();
    boolean[] focus = new boolean[n];
    if (params.intersectional() && cellGaps != null) {
      int worst = cellGaps.worstCell(c);
      for (int i = 0; i < n; i++) {
        focus[i] = problem.cells()[i] == worst;
      }
      return focus;
    }
    for (int i = 0; i < n; i++) {
      focus[i] = !groups[jStar][i];
    }
    return focus;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[best]) {
        best = j;
      }
    }
    return best;
  }
}
