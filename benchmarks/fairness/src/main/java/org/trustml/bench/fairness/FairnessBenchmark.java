package org.trustml.bench.fairness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.trustml.fairness.data.sets.SharedDatasets;
import org.trustml.fairness.multitask.AdultMultiTask;

/**
 * The fairness benchmark: Adult and COMPAS through every method, the reach claims, the speed comparison with
 * scikit-learn and FairBranch's gains. Arguments: the RESULTS.md path, then {@code --quick} for a smoke run. Prints
 * the report to stdout as well.
 */
public final class FairnessBenchmark {

  private FairnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    boolean quick = Arrays.asList(args).contains("--quick");
    Settings settings = quick ? Settings.smoke() : Settings.full();
    Path benchDir = results.toAbsolutePath().getParent();
    Path datasets = SharedDatasets.rootWith("adult/adult.data").orElseThrow(() -> new IllegalStateException(
        "no datasets folder with adult/ and compas/: set -Dtrustml.datasets.dir (looked in "
            + SharedDatasets.candidates() + ")"));
    long start = System.nanoTime();
    Reach reach = new Reach();
    String adult = new AdultSection(settings, benchDir, reach).run(datasets);
    String compas = new CompasSection(settings, reach).run(datasets);
    AdultSection.log("FairBranch");
    FairBranchSection.Result branch = FairBranchSection.run(datasets.resolve("adult"), settings.branchWidths(),
        settings.branchEpochs(), settings.branchTrainRows(), Settings.SEED);
    double minutes = (System.nanoTime() - start) / 60e9;

    StringBuilder md = new StringBuilder("# Fairness benchmark\n\n");
    if (quick) {
      md.append("**Smoke run (`--quick`): reduced sizes, numbers are not the benchmark's.**\n\n");
    }
    md.append(Machine.describe("benchmarks/fairness/run" + (quick ? " --quick" : ""))).append(String.format(
        "- Wall time: %.1f min%n%n", minutes));
    md.append(conventions(settings));
    md.append("## Reach\n\n").append(reach.markdown()).append('\n');
    md.append("## Adult (sex, race, age band)\n\n").append(adult);
    md.append("## COMPAS (race, sex)\n\n").append(compas);
    md.append(fairBranch(branch, settings));
    String text = md.toString();
    Files.writeString(results, text, StandardCharsets.UTF_8);
    System.out.println(text);
  }

  private static String conventions(Settings s) {
    return "## Protocol\n\n"
        + "- Adult: official `adult.data` / `adult.test` split, missing values imputed (mode), label income >50K. "
        + "Protected (kept out of the features): sex (non-protected Male), race (White) and age, whose binary view is "
        + "25 < age < 60 (mmm-fair's Adult setting) and whose bands for the cells are ≤ 25 / 26–59 / ≥ 60 (the same "
        + "cut); cells = sex × race × age band.\n"
        + "- COMPAS: ProPublica's filtered two-year table (African-American and Caucasian), label two_year_recid; "
        + "protected race (non-protected Caucasian) and sex (Male), which are also model inputs (MFBPP's setting); "
        + "cells = race × sex.\n"
        + "- Every method is measured by `CandidateEvaluator.evaluate(predictions, test, EO, true, "
        + Metrics.MIN_SUPPORT + ")` on its hard test predictions: accuracy, balanced accuracy, per attribute the "
        + "binary-view gaps `dp:a` = |ΔPPR| and `eo:a` = max(|ΔTPR|, |ΔTNR|) (mmm-fair's convention), MMM = max over "
        + "attributes of `eo:a`, and the between-cells spreads `eo:cells` = max(TPR spread, FPR spread) and `dp:cells` "
        + "(Fairlearn's between-groups difference) over the cells whose rate has a denominator of ≥ "
        + Metrics.MIN_SUPPORT + " test rows (positives for TPR, negatives for FPR, all rows for the selection rate). "
        + "The service's default minimum support is 30; 100 keeps one cell's TPR within about ±0.05 of its truth.\n"
        + "- Baselines: weighted logistic regression (IRLS on standardised inputs, L2 1e-4); Reweighing on the "
        + "cells; ThresholdOptimizer(EO, accuracy) fitted on the training LR scores per cell; exponentiated "
        + "gradient (Fairlearn port, max " + s.egIterations() + " iterations, eps = difference bound) with LR on the "
        + "cells. EG and ThresholdOptimizer are scored on seeded randomized decisions, as Fairlearn predicts.\n"
        + "- Boosting through `Boosters.train` (depth-5 trees; AdaBoost learning rate 1; GBT the design note's "
        + "defaults: 0.1, α 0.1, β 10); `intersectional EO` trains against the cells' gap. θ is chosen on the "
        + "training set (mmm-fair's practice), never on the test set. Seeds fixed (42; COMPAS split k: seed k).\n\n";
  }

  private static String fairBranch(FairBranchSection.Result r, Settings s) {
    StringBuilder md = new StringBuilder("## FairBranch (Adult multi-task)\n\n");
    md.append("Multi-task set (`AdultMultiTask`): Adult's official split, five binary tasks ")
        .append(AdultMultiTask.TASKS)
        .append(" (income >50K; hours-per-week > 40; married-civ/AF; any capital gain or loss; education-num ≥ 13), "
            + "sex protected (Male non-protected). Every column a task derives from is dropped, and so is sex: "
            + "age and fnlwgt standardised plus one-hot workclass, occupation, race and native-country (73 "
            + "columns). Training rows dealt round-robin into 8 chunks (the paper streams US states).\n\n");
    md.append(String.format("Settings: widths %s, %d epochs, batch 256, branching every 4 chunks, τ 0.7, AdamW lr 1e-3,"
        + " decay 0.01, seed %d; %d training rows (every model), %d held out for FairBranch's checkpoint, %d test "
        + "rows; %.0f s.%n%n", s.branchWidths(), s.branchEpochs(), Settings.SEED, r.report().trainRows(),
        r.report().validationRows(), r.report().testRows(), r.seconds()));
    md.append("Checkpoint (the paper's rule): after each epoch FairBranch counts, on every batch of the held-out rows, "
        + "the task pairs whose fairness gradients conflict (> 90°) plus those whose accuracy gradients do, on each "
        + "branched layer two or more tasks share and on the shared trunk's output; the epoch with the lowest median "
        + "is kept (ties: the later). Medians by epoch: ")
        .append(r.report().fairBranch().epochs().stream().map(e -> String.format("%d: %.1f", e.epoch(),
            e.validationConflicts())).collect(java.util.stream.Collectors.joining(", ")))
        .append(String.format(" → epoch %d. MTL and the single-task models keep their last epoch.%n%n",
            r.report().fairBranch().checkpointEpoch()));
    md.append("KG = accuracy(multi-task) − accuracy(single-task) (higher is better); DG-EP / DG-EO = the multi-task "
        + "model's |ΔTPR| / |ΔTPR| + |ΔTNR| minus the single-task model's (lower is better). MTL = all layers shared; "
        + "FB = FairBranch.\n\n```\n").append(r.report().gainsTable()).append("```\n");
    return md.toString();
  }

}
