package org.trustml.fairness.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.explain.Explanation;
import org.trustml.fairness.explain.TradeOff;
import org.trustml.fairness.explain.TradeOffExplainer;
import org.trustml.fairness.pareto.CandidateTable;

/** Builds a model's card from what training and selection measured. */
public final class ModelCards {

  private ModelCards() {}

  /**
   * @param train the training rows (for group sizes)
   * @param test the test rows, or null
   * @param testCandidates every prefix's objectives on the test rows, or null
   * @param data the card's data facts
   */
  public static ModelCard build(String name, FairModel model, FairProblem train, FairProblem test,
      CandidateTable testCandidates, ModelCard.DataFacts data, ModelCard.OnnxFacts onnx) {
    int theta = model.selection().theta();
    CandidateTable shown = testCandidates != null ? testCandidates : model.candidates();
    Explanation explanation = TradeOffExplainer.explain(tradeOff(model, shown,
        testCandidates != null ? "the test set (" + String.format(Locale.ROOT, "%,d", test.rows()) + " rows)"
            : "the " + model.selectedOn(),
        undefinedCells(test != null ? test : train, model.minSupport())));
    return new ModelCard(name, model.methodName(), data, attributes(model, train),
        new ModelCard.Choice(theta, model.ensemble().trees().size(), model.selection().rule(), model.selectedOn(),
            model.selection().front(), model.selection().hypervolume()),
        row(model.candidates(), theta - 1), testCandidates == null ? null : row(testCandidates, theta - 1), onnx,
        explanation);
  }

  /**
   * The trade-off of the chosen candidate against the most accurate and the fairest candidates of the front (chosen
   * where the front was built, measured on {@code shown}).
   */
  public static TradeOff tradeOff(FairModel model, CandidateTable shown, String evaluatedOn, List<String> undefined) {
    CandidateTable sel = model.candidates();
    int[] front = model.selection().front();
    int mostAccurate = front[0] - 1;
    int fairest = front[0] - 1;
    for (int t : front) {
      int i = t - 1;
      if (sel.value(i, "error") < sel.value(mostAccurate, "error")) {
        mostAccurate = i;
      }
      if (sel.value(i, "fairness") < sel.value(fairest, "fairness")) {
        fairest = i;
      }
    }
    String fairColumn = SelectionRequest.objectivePrefix(model.constraint())
        + (model.intersectional() && sel.columns().contains("eo:cells") ? ":cells" : "");
    return new TradeOff(model.methodName(), model.selection().theta(), model.ensemble().trees().size(),
        model.selection().rule(), evaluatedOn, row(shown, model.selection().theta() - 1),
        withTheta(row(shown, mostAccurate), mostAccurate), withTheta(row(shown, fairest), fairest), fairColumn,
        undefined);
  }

  /** Intersectional cells with fewer rows than the minimum support, by name. */
  public static List<String> undefinedCells(FairProblem p, int minSupport) {
    long[] count = new long[p.cellNames().size()];
    for (int c : p.cells()) {
      count[c]++;
    }
    List<String> out = new ArrayList<>();
    for (int c = 0; c < count.length; c++) {
      if (count[c] > 0 && count[c] < minSupport) {
        out.add(p.cellNames().get(c) + " (" + count[c] + " rows)");
      }
    }
    return out;
  }

  private static List<ModelCard.AttributeFacts> attributes(FairModel model, FairProblem train) {
    List<ModelCard.AttributeFacts> out = new ArrayList<>();
    for (int j = 0; j < train.attributes().size(); j++) {
      FairProblem.Attribute a = train.attributes().get(j);
      long[] count = new long[a.values().size()];
      for (int c : a.codes()) {
        count[c]++;
      }
      Map<String, Long> groups = new LinkedHashMap<>();
      for (int v = 0; v < count.length; v++) {
        groups.put(a.values().get(v), count[v]);
      }
      ProtectedSpec spec = model.schema().protectedAttributes().get(j);
      out.add(new ModelCard.AttributeFacts(a.name(), groups,
          spec.nonProtected() == null ? "the most common value" : spec.nonProtected()));
    }
    return out;
  }

  private static Map<String, Double> row(CandidateTable t, int candidate) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 0; c < t.columns().size(); c++) {
      m.put(t.columns().get(c), t.values()[candidate][c]);
    }
    return m;
  }

  private static Map<String, Double> withTheta(Map<String, Double> row, int candidate) {
    Map<String, Double> m = new LinkedHashMap<>(row);
    m.put("theta", (double) (candidate + 1));
    return m;
  }
}
