package org.trustml.pruning.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reach, checked on a report for one TopoPrune variant at the highest rate: (1) at least as accurate as
 * the best baseline (mean over seeds); (2) above random by more than two standard deviations (the larger of the two
 * methods' seed standard deviations); (3) the most stable kept set under embedding noise: a Jaccard index at least
 * every embedding-based baseline's at every noise level (random and CCS over AUM ignore the embeddings, so their
 * index is 1 by construction and they are left out). The two accuracy claims are also checked on the equal-epoch
 * accuracies where the protocol has them.
 */
public final class ReachVerdict {

  /**
   * @param claim  what is claimed
   * @param met    whether the measurement supports it; null when the report lacks what it needs
   * @param detail the numbers behind it
   */
  public record Claim(String claim, Boolean met, String detail) {}

  private ReachVerdict() {}

  /** The three claims for {@code topoPrune} (e.g. {@code topoprune-la}), on the equal-iteration accuracies. */
  public static List<Claim> check(EvaluationReport report, String topoPrune) {
    List<Claim> claims = accuracyClaims(report, report.accuracy(), topoPrune, "");
    if (claims.size() == 1) { // not evaluated: the one claim says so
      return claims;
    }
    claims.add(noiseClaim(report, topoPrune));
    return claims;
  }

  /**
   * The two accuracy claims for {@code topoPrune} on the equal-epoch accuracies; empty when the protocol did not
   * train for equal epochs.
   */
  public static List<Claim> checkEqualEpochs(EvaluationReport report, String topoPrune) {
    return report.accuracyEqualEpochs().isEmpty() ? List.of()
        : accuracyClaims(report, report.accuracyEqualEpochs(), topoPrune, " (equal epochs)");
  }

  /** {@link #check} then {@link #checkEqualEpochs}: every claim the report can be judged on. */
  public static List<Claim> checkAll(EvaluationReport report, String topoPrune) {
    List<Claim> claims = new ArrayList<>(check(report, topoPrune));
    claims.addAll(checkEqualEpochs(report, topoPrune));
    return claims;
  }

  private static List<Claim> accuracyClaims(EvaluationReport report, List<EvaluationReport.AccuracyCell> cells,
      String topoPrune, String budget) {
    double rate = report.protocol().highestRate();
    String at = String.format(Locale.ROOT, "at %.0f %%%s", rate * 100, budget);
    List<Claim> claims = new ArrayList<>();
    EvaluationReport.AccuracyCell topo = EvaluationReport.cell(cells, topoPrune, rate);
    if (topo == null) {
      claims.add(new Claim(topoPrune + " evaluated", null, "no accuracy cell for " + topoPrune + " " + at));
      return claims;
    }
    EvaluationReport.AccuracyCell best = null;
    for (EvaluationReport.AccuracyCell c : cells) {
      if (c.rate() == rate && !EvaluatedMethod.of(c.method()).isTopoPrune()
          && (best == null || c.accuracy().mean() > best.accuracy().mean())) {
        best = c;
      }
    }
    claims.add(best == null ? new Claim(topoPrune + " ≥ best baseline " + at, null, "no baseline evaluated")
        : new Claim(topoPrune + " ≥ best baseline " + at, topo.accuracy().mean() >= best.accuracy().mean(),
            f("%s %.4f vs best baseline %s %.4f (difference %+.4f)", topoPrune, topo.accuracy().mean(), best.method(),
                best.accuracy().mean(), topo.accuracy().mean() - best.accuracy().mean())));

    EvaluationReport.AccuracyCell random = EvaluationReport.cell(cells, EvaluatedMethod.RANDOM.id(), rate);
    if (random == null) {
      claims.add(new Claim(topoPrune + " beats random by > 2 std " + at, null, "random not evaluated"));
    } else {
      double margin = 2 * Math.max(topo.accuracy().std(), random.accuracy().std());
      double difference = topo.accuracy().mean() - random.accuracy().mean();
      claims.add(new Claim(topoPrune + " beats random by > 2 std " + at,
          report.protocol().seeds().length > 1 ? difference > margin : null,
          f("difference %+.4f vs 2 × max(std) = %.4f (std %.4f and %.4f over %d seeds)", difference, margin,
              topo.accuracy().std(), random.accuracy().std(), report.protocol().seeds().length)));
    }
    return claims;
  }

  private static Claim noiseClaim(EvaluationReport report, String topoPrune) {
    String at = String.format(Locale.ROOT, "at %.0f %%", report.protocol().highestRate() * 100);
    Boolean stable = null;
    StringBuilder detail = new StringBuilder();
    for (double level : report.protocol().noiseLevels()) {
      double own = Double.NaN;
      double bestOther = Double.NEGATIVE_INFINITY;
      String bestName = "none";
      for (EvaluationReport.NoiseCell c : report.noise()) {
        if (c.level() != level) {
          continue;
        }
        if (c.method().equals(topoPrune)) {
          own = c.jaccard();
        } else if (c.usesEmbeddings() && !EvaluatedMethod.of(c.method()).isTopoPrune() && c.jaccard() > bestOther) {
          bestOther = c.jaccard();
          bestName = c.method();
        }
      }
      if (Double.isNaN(own) || bestOther == Double.NEGATIVE_INFINITY) {
        continue;
      }
      boolean ok = own >= bestOther;
      stable = stable == null ? ok : stable && ok;
      detail.append(detail.isEmpty() ? "" : "; ").append(f("σ = %.2f·NN: %.3f vs %s %.3f", level, own, bestName,
          bestOther));
    }
    return new Claim(topoPrune + " most stable under embedding noise " + at, stable,
        stable == null ? "no noise levels, or no embedding-based baseline" : detail.toString());
  }

  private static String f(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
