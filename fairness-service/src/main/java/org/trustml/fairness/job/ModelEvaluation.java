package org.trustml.fairness.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.model.FairModel;
import org.trustml.fairness.model.FairModels;
import org.trustml.fairness.metrics.Predictions;
import org.trustml.fairness.metrics.ProtectedAttributes;
import org.trustml.ml.TabularEncodingJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation job's second form: a registered fair model predicts a catalog table (encoded exactly as its
 * training table was), and its predictions and scores are audited on the model's label and protected columns.
 */
final class ModelEvaluation {

  private ModelEvaluation() {}

  static Object run(EvaluateJob.Params p, JobContext ctx, JsonMapper json) throws Exception {
    ModelDescriptor descriptor = ctx.catalog().model(ctx.owner(), p.model());
    FairModel model = FairModels.read(descriptor, ctx.artifacts(), json);
    FairSchema schema = model.schema();
    if (p.label() != null && !p.label().equals(schema.label())) {
      throw ProblemException.badRequest("invalid-params", "model " + descriptor.id() + " predicts '" + schema.label()
          + "', not '" + p.label() + "'").with("field", "params.label");
    }
    DatasetDescriptor d = Tables.csv(ctx, p.dataset(), "params.dataset");
    ctx.progress(0.05, "reading " + d.id());
    FairProblem rows = FairProblemLoader.apply(Tables.bytes(ctx, d),
        TabularEncodingJson.fromJson(model.encoding()), schema).problem();
    ctx.checkCancelled();
    ctx.progress(0.3, "predicting " + rows.rows() + " rows with θ = " + model.ensemble().theta());
    double[] scores = model.ensemble().scores(rows.features());
    int[] predicted = new int[scores.length];
    double[] probabilities = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      predicted[i] = scores[i] > 0 ? 1 : 0;
      probabilities[i] = model.ensemble().probability(scores[i]);
    }
    List<String> attributes = new ArrayList<>();
    Map<String, String[]> values = new LinkedHashMap<>();
    for (FairProblem.Attribute a : rows.attributes()) {
      attributes.add(a.name());
      String[] v = new String[rows.rows()];
      for (int i = 0; i < v.length; i++) {
        v[i] = a.values().get(a.codes()[i]);
      }
      values.put(a.name(), v);
    }
    EvaluateJob.Params withDefaults = p;
    if (p.nonProtected() == null) {
      Map<String, String> np = new LinkedHashMap<>();
      for (ProtectedSpec s : schema.protectedAttributes()) {
        if (s.nonProtected() != null && s.bands().isEmpty() && !s.nonProtected().contains("_")) {
          np.put(s.column(), s.nonProtected());
        }
      }
      withDefaults = new EvaluateJob.Params(p.dataset(), schema.label(), null, p.model(), p.positive(),
          attributes, np.isEmpty() ? null : np, p.minSupport(), p.bootstrap(), p.confidenceLevel());
    }
    return EvaluateJob.report(withDefaults, ctx, json, Predictions.of(schema.label(), rows.labels(),
        "model " + descriptor.id(), predicted, "probability", probabilities), ProtectedAttributes.of(values),
        attributes);
  }
}
