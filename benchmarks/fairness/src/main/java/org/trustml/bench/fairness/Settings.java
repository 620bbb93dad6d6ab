package org.trustml.bench.fairness;

import java.util.List;

/**
 * Sizes of one run: the full protocol, or a smoke run ({@code --quick}) that exercises every step in a minute or two.
 *
 * @param quick whether this is the smoke run
 * @param adaRounds AdaBoost learners on Adult (the 500)
 * @param compasAdaRounds AdaBoost learners on COMPAS (MFBPP's 499)
 * @param gbtRounds GBT iterations (the design note's 100)
 * @param awareGbtRounds GBT iterations of the intersectional model with protected inputs on Adult
 * @param egIterations EG's iteration cap (Fairlearn's 50)
 * @param egBounds the EG(EO) bounds that trace its front; the first is also the "EG(EO)" row (Fairlearn's 0.01)
 * @param compasSplits COMPAS's stratified 60/40 splits (5)
 * @param branchWidths FairBranch's trunk (the paper's tabular [1024, 128, 256, 512, 128])
 * @param branchEpochs FairBranch epochs
 * @param branchTrainRows FairBranch training rows, 0 = all
 */
public record Settings(boolean quick, int adaRounds, int compasAdaRounds, int gbtRounds, int awareGbtRounds, int egIterations,
    double[] egBounds, int compasSplits, List<Integer> branchWidths, int branchEpochs, int branchTrainRows) {

  public static final long SEED = 42;

  public static Settings full() {
    return new Settings(false, 500, 499, 100, 400, 50, new double[] {0.01, 0.005, 0.02, 0.05, 0.1}, 5,
        List.of(1024, 128, 256, 512, 128), 5, 0);
  }

  public static Settings smoke() {
    return new Settings(true, 20, 20, 10, 20, 4, new double[] {0.01, 0.1}, 2, List.of(32, 16), 1, 2000);
  }
}
