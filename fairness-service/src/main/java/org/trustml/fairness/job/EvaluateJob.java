package org.trustml.fairness.job;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.metrics.FairnessMetrics;
import org.trustml.fairness.metrics.FairnessReport;
import org.trustml.fairness.metrics.MetricsOptions;
import org.trustml.fairness.metrics.Predictions;
import org.trustml.fairness.metrics.ProtectedAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fairness metrics of a catalog dataset that holds the true labels and the protected attributes, for the predictions
 * in one of its columns or for a registered fair model's predictions on it: every view of the report, written as
 * {@code report.json}, with the headline numbers as the result.
 */
@Component
public class EvaluateJob implements JobHandler<EvaluateJob.Params> {

  /**
   * @param dataset a CSV dataset of the catalog
   * @param label its true-label column, 0/1 (or two values with {@code positive} naming the positive one)
   * @param prediction its predicted-label column, coded like the label; or
   * @param model a fair model of the catalog to predict with (its label and protected columns are used unless
   *     given here)
   * @param positive the positive class's value when the columns are not 0/1, e.g. {@code >50K}
   * @param protectedAttributes the columns to audit; the dataset's protected columns when empty
   * @param nonProtected attribute → its non-protected value, for MMM's binary convention
   * @param minSupport smallest group that gets rates and gaps
   * @param bootstrap resamples for the intervals
   */
  public record Params(
      @NotBlank String dataset,
      String label,
      String prediction,
      String model,
      String positive,
      List<String> protectedAttributes,
      Map<String, String> nonProtected,
      @Min(1) Integer minSupport,
      @Min(0) @Max(100_000) Integer bootstrap,
      @DecimalMin("0.5") @DecimalMax("0.999") Double confidenceLevel) {}

  private final JsonMapper json;

  public EvaluateJob(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void validate(Params p) {
    if ((p.prediction() == null) == (p.model() == null)) {
      throw ProblemException.badRequest("invalid-params", "give either a prediction column or a model")
          .with("field", "params.prediction");
    }
    if (p.model() == null && (p.label() == null || p.label().isBlank())) {
      throw ProblemException.badRequest("invalid-params", "name the label column").with("field", "params.label");
    }
  }

  @Override
  public String type() {
    return "fairness.evaluate";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    if (p.model() != null) {
      return ModelEvaluation.run(p, ctx, json);
    }
    DatasetDescriptor d = ctx.catalog().dataset(ctx.owner(), p.dataset());
    if (!"csv".equals(d.format())) {
      throw ProblemException.badRequest("unsupported-format", "dataset " + d.id() + " is " + d.format()
          + "; the evaluation reads a table").with("field", "params.dataset");
    }
    List<String> attributes = p.protectedAttributes() == null || p.protectedAttributes().isEmpty()
        ? d.protectedColumns() : p.protectedAttributes();
    if (attributes.isEmpty()) {
      throw ProblemException.badRequest("no-protected-attribute", "name protectedAttributes, or register the "
          + "dataset with protected columns").with("field", "params.protectedAttributes");
    }
    ctx.progress(0.05, "reading " + d.id());
    List<String> wanted = new ArrayList<>(List.of(p.label(), p.prediction()));
    wanted.addAll(attributes);
    Map<String, List<String>> columns;
    try (InputStream in = ctx.artifacts().open(d.artifact().sha256())) {
      columns = TableColumns.read(in, wanted, ctx);
    }
    int[] yTrue = BinaryColumn.of(p.label(), columns.get(p.label()), p.positive());
    int[] yPred = BinaryColumn.of(p.prediction(), columns.get(p.prediction()), p.positive());
    Map<String, String[]> protectedValues = new LinkedHashMap<>();
    for (String a : attributes) {
      protectedValues.put(a, columns.get(a).toArray(String[]::new));
    }
    ctx.checkCancelled();
    return report(p, ctx, json, Predictions.of(p.label(), yTrue, p.prediction(), yPred, null, null),
        ProtectedAttributes.of(protectedValues), attributes);
  }

  /** Computes, writes and summarises the report of predictions (shared with the model evaluation). */
  static Object report(Params p, JobContext ctx, JsonMapper json, Predictions predictions,
      ProtectedAttributes protectedAttributes, List<String> attributes) {
    ctx.checkCancelled();
    ctx.progress(0.4, "computing metrics over " + predictions.size() + " rows");
    MetricsOptions options = MetricsOptions.defaults()
        .withBootstrap(p.bootstrap() == null ? MetricsOptions.DEFAULT_RESAMPLES : p.bootstrap(),
            p.confidenceLevel() == null ? MetricsOptions.DEFAULT_LEVEL : p.confidenceLevel(), ctx.seed());
    if (p.minSupport() != null) {
      options = options.withMinSupport(p.minSupport());
    }
    if (p.nonProtected() != null) {
      options = options.withNonProtected(p.nonProtected());
    }
    FairnessReport report = new FairnessMetrics(options).evaluate(predictions, protectedAttributes);
    ctx.progress(0.9, "writing the report");
    ctx.writeArtifact("report.json", "application/json",
        json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("rows", report.n());
    summary.put("attributes", attributes);
    summary.put("mmm", report.mmm().value());
    summary.put("mmmDrivingAttribute", report.mmm().drivingAttribute());
    summary.put("overallAccuracy", report.overall().accuracy());
    return summary;
  }
}
