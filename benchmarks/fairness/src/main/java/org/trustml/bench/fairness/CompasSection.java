package org.trustml.bench.fairness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.job.Splits;
import org.trustml.fairness.model.BoostingSpec;
import org.trustml.fairness.reductions.ParityConstraint;

/**
 * COMPAS (race × sex) on MFBPP's protocol: stratified 60/40 splits with fixed seeds 1 … k, every method on each,
 * mean ± standard deviation, race and sex model inputs as in MFBPP's runs; MMM-Fair AdaBoost in MFBPP's setting
 * (499 decision stumps, θ by the preference (0.33, 0.34, 0.33) over the training front).
 */
public final class CompasSection {

  static final String MFBPP_MODEL = "MMM-Fair AdaBoost (EO), MFBPP setting: stumps, preference θ";
  private static final List<Double> MFBPP_PREFERENCE = List.of(0.33, 0.34, 0.33);
  static final String FLOOR_MODEL = "Noise floor: EO-fair in expectation at the MFBPP model's TPR and FPR (mean ± "
      + "std over all draws)";
  private static final double PUBLISHED_ACCURACY = 0.655;
  private static final double PUBLISHED_BALANCED_ACCURACY = 0.655;
  private static final double PUBLISHED_MMM = 0.053;

  private final Settings settings;
  private final Reach reach;

  public CompasSection(Settings settings, Reach reach) {
    this.settings = settings;
    this.reach = reach;
  }

  public String run(Path datasets) throws Exception {
    FairProblem all = BenchData.compas(datasets, BenchData.COMPAS_AWARE);
    List<String> attributes = all.attributes().stream().map(FairProblem.Attribute::name).toList();
    ResultsTable table = new ResultsTable(attributes);
    int rounds = settings.compasAdaRounds();
    List<Integer> thetas = new ArrayList<>();
    for (int s = 1; s <= settings.compasSplits(); s++) {
      AdultSection.log("COMPAS split " + s);
      Splits.Split split = Splits.stratified(all, 0.4, s);
      FairProblem train = all.subset(split.train());
      FairProblem test = all.subset(split.held());
      Baselines base = new Baselines(train, test, Settings.SEED + s, settings.egIterations());
      table.add(AdultSection.timed(base::logisticRegression));
      table.add(AdultSection.timed(base::reweighing));
      table.add(AdultSection.timed(base::thresholdOptimizer));
      table.add(AdultSection.timed(
          () -> base.exponentiatedGradient(ParityConstraint.DEMOGRAPHIC_PARITY, 0.01, "EG(DP) eps=0.01")));
      table.add(AdultSection.timed(
          () -> base.exponentiatedGradient(ParityConstraint.EQUALIZED_ODDS, 0.01, "EG(EO) eps=0.01")));
      MmmFair mmm = new MmmFair(train, Settings.SEED + s);
      MmmFair.Model stumps = mmm.train("MMM-Fair AdaBoost (EO), stumps", depth(MmmFair.spec("adaboost", "EO",
          rounds, false), 1));
      Outcome mfbpp = stumps.outcome(MFBPP_MODEL, mmm.preferenceTheta(stumps, MFBPP_PREFERENCE), test);
      thetas.add(mfbpp.theta());
      table.add(mfbpp);
      int[] mfbppPredictions = stumps.ensemble().withTheta(mfbpp.theta()).predict(test.features());
      NoiseFloor.draws(FLOOR_MODEL, mfbppPredictions, test, Settings.SEED + s).forEach(table::add);
      MmmFair.Model depth2 = mmm.train("MMM-Fair AdaBoost (EO), depth 2", depth(MmmFair.spec("adaboost", "EO",
          rounds, false), 2));
      table.add(depth2.outcome(depth2.name() + ", preference θ", mmm.preferenceTheta(depth2, MFBPP_PREFERENCE),
          test));
      MmmFair.Model adaEo = mmm.train("MMM-Fair AdaBoost (EO)", MmmFair.spec("adaboost", "EO", rounds, false));
      table.add(adaEo.outcome(adaEo.name() + ", pareto θ", mmm.paretoTheta(adaEo), test));
      MmmFair.Model adaCells = mmm.train("MMM-Fair AdaBoost (intersectional EO)",
          MmmFair.spec("adaboost", "EO", rounds, true));
      table.add(adaCells.outcome(adaCells.name() + ", pareto θ", mmm.paretoTheta(adaCells), test));
      MmmFair.Model gbtEo = mmm.train("MMM-Fair GBT (EO)", MmmFair.spec("gbt", "EO", settings.gbtRounds(), false));
      table.add(gbtEo.outcome(gbtEo.name() + ", pareto θ", mmm.paretoTheta(gbtEo), test));
      MmmFair.Model adaPlain = mmm.train("AdaBoost (unconstrained)", MmmFair.spec("adaboost", "NONE", rounds, false));
      table.add(adaPlain.outcome(adaPlain.name(), mmm.paretoTheta(adaPlain), test));
      MmmFair.Model gbtPlain = mmm.train("GBT (unconstrained)", MmmFair.spec("gbt", "NONE", settings.gbtRounds(),
          false));
      table.add(gbtPlain.outcome(gbtPlain.name(), mmm.paretoTheta(gbtPlain), test));
    }
    StringBuilder md = new StringBuilder(String.format("%d rows; %d stratified 60/40 splits (seeds 1–%d, strata = "
        + "label × race × sex cell); mean ± standard deviation over splits. Race and sex are model inputs as well as "
        + "protected attributes (`protectedAsFeatures`), as in MFBPP's COMPAS runs; without them the models can only "
        + "equalise error rates through proxies. AdaBoost models: %d learners; depth 5 unless the row says stumps "
        + "(MFBPP's base learner) or depth 2. *preference θ*: the training-front point whose pseudo-weights are "
        + "nearest MFBPP's COMPAS preference (0.33, 0.34, 0.33); *pareto θ*: the default rule.%n%n",
        all.rows(), settings.compasSplits(), settings.compasSplits(), rounds));
    md.append(table.markdown()).append('\n');
    List<Outcome> m = table.outcomes(MFBPP_MODEL);
    double acc = mean(m, "error", true);
    double ba = mean(m, "balancedError", true);
    double mmm = mean(m, "mmm", false);
    md.append(String.format("MFBPP comparison (%s): accuracy %.3f (published %.3f), balanced accuracy %.3f "
        + "(published %.3f), MMM %.3f (published %.3f); selected θ per split %s (published 105/105/495/431/79).%n%n",
        MFBPP_MODEL, acc, PUBLISHED_ACCURACY, ba, PUBLISHED_BALANCED_ACCURACY, mmm, PUBLISHED_MMM, thetas));
    double floor = NoiseFloor.meanOf(table.outcomes(FLOOR_MODEL), "mmm");
    md.append(String.format("Noise floor (`NoiseFloor`): a classifier that is exactly EO-fair in expectation — each "
        + "test row positive with the MFBPP model's overall TPR if its label is 1 and its FPR if 0, independently of "
        + "race and sex; %d draws per split — has a test MMM of %.3f on average, because each gap is measured on a "
        + "few hundred rows of the smaller groups. A model's test MMM is its true gap plus this noise; compare "
        + "the published %.3f and the bound 0.06.%n%n", NoiseFloor.DRAWS, floor, PUBLISHED_MMM));

    // MFBPP's own evaluation (get_fairness in its my_utils.py) averages each attribute's gap over the splits and
    // then takes the largest attribute; the table's MMM column averages each split's largest gap, which is larger
    md.append("MMM as MFBPP's evaluation code aggregates it (per attribute the mean over splits of max(|ΔTPR|, "
        + "|ΔTNR|), then the largest attribute: the published 0.053 is this number, as the gaps of the split-averaged rates it lists "
        + "would give 0.041) next to the table's mean of "
        + "per-split MMM:\n\n| method | accuracy | MMM, MFBPP's aggregation | MMM, mean over splits |\n|---|---|---|---|\n");
    String closest = null;
    double closestAcc = Double.NaN;
    double closestMmm = Double.POSITIVE_INFINITY;
    for (String method : table.methods()) {
      if (!method.startsWith("MMM-Fair") && !method.equals(FLOOR_MODEL)) {
        continue;
      }
      List<Outcome> o = table.outcomes(method);
      double a = mean(o, "error", true);
      double byAttribute = mfbppMmm(o, attributes);
      md.append(String.format("| %s | %.3f | %.3f | %.3f |%n", method, a, byAttribute, mean(o, "mmm", false)));
      boolean candidate = method.startsWith("MMM-Fair") && Math.abs(a - PUBLISHED_ACCURACY) <= 0.01;
      if (candidate && byAttribute < closestMmm) {
        closest = method;
        closestAcc = a;
        closestMmm = byAttribute;
      }
    }
    md.append('\n');
    double floorByAttribute = mfbppMmm(table.outcomes(FLOOR_MODEL), attributes);
    reach.add("COMPAS: MMM-Fair within 0.01 of the published accuracy 0.655 with MMM ≤ 0.06 (MMM aggregated as "
            + "MFBPP's published 0.053: per attribute the mean gap over splits, then the largest)",
        closest == null ? String.format("no MMM-Fair model within 0.01 of the accuracy; MFBPP setting: accuracy "
            + "%.4f, MMM %.4f", acc, mfbppMmm(m, attributes))
            : String.format("closest: %s, accuracy %.4f (|Δ| %.4f), MMM %.4f (mean of per-split MMM %.4f); MFBPP "
            + "setting (stumps): accuracy %.4f, MMM %.4f; noise floor (predictions independent of every attribute, "
            + "EO-fair in expectation) %.4f in this aggregation, %.4f as a mean of per-split MMM", closest,
            closestAcc, Math.abs(closestAcc - PUBLISHED_ACCURACY), closestMmm,
            mean(table.outcomes(closest), "mmm", false), acc, mfbppMmm(m, attributes), floorByAttribute, floor),
        closest != null && closestMmm <= 0.06);
    return md.toString();
  }

  private static BoostingSpec depth(BoostingSpec s, int depth) {
    return new BoostingSpec(s.variant(), s.constraint(), s.rounds(), s.learningRate(), s.gamma(), s.alpha(),
        s.beta(), depth, s.minLeaf(), s.bins(), s.intersectional(), s.minSupport());
  }

  /** The largest over attributes of the attribute's mean EO gap ({@code eo:a}) over the outcomes. */
  static double mfbppMmm(List<Outcome> outcomes, List<String> attributes) {
    double worst = Double.NEGATIVE_INFINITY;
    for (String a : attributes) {
      worst = Math.max(worst, mean(outcomes, "eo:" + a, false));
    }
    return worst;
  }

  private static double mean(List<Outcome> outcomes, String column, boolean complement) {
    double[] v = outcomes.stream().mapToDouble(o -> complement ? 1 - o.value(column) : o.value(column)).toArray();
    return ResultsTable.mean(v);
  }
}
