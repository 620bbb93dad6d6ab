package org.trustml.fairness.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;
import org.trustml.fairness.reductions.Baseline;
import org.trustml.fairness.reductions.BaselineFit;
import org.trustml.ml.MissingValuePolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the fairness baselines (logistic regression, Reweighing + LR, ThresholdOptimizer(EO) on LR, exponentiated
 * gradient under DP and EO) on one split of a catalog table and writes {@code baselines.json}: per method the test
 * accuracy, balanced accuracy, per-attribute and intersectional gaps measured exactly as the benchmark measures them
 * ({@link CandidateEvaluator} on the hard test decisions), and the training time. One progress stage per method.
 */
@Component
public class BaselinesJob implements JobHandler<BaselinesJob.Params> {

  /** Held-out share when neither a test table nor a fraction is given. */
  static final double DEFAULT_TEST_FRACTION = 0.3;

  /**
   * @param dataset the training table
   * @param testDataset a table with the same columns to measure on; optional
   * @param label the binary target column
   * @param positive its positive value, unless 0/1 or false/true
   * @param protectedAttributes the protected columns, their non-protected group and optional numeric bands
   * @param features the feature columns; every other column when empty
   * @param ignored columns to leave out
   * @param missing {@code DROP_ROWS} (default) or {@code IMPUTE}
   * @param testFraction without a test table, the share of {@code dataset} held out, stratified by label and
   *     intersectional cell (default 0.3)
   * @param methods method ids ({@code lr}, {@code reweighing}, {@code threshold-eo}, {@code eg-dp},
   *     {@code eg-eo}); all when empty
   * @param groups {@code cells} (default: the intersectional cells) or one protected column, whose values the
   *     fairness-aware methods protect
   * @param eps exponentiated gradient's bound (default 0.01)
   * @param maxIterations exponentiated gradient's iteration cap (default 50)
   * @param minSupport fewest test rows for a cell to enter the {@code :cells} gaps (default 30)
   * @param protectedAsFeatures whether the protected columns are model inputs as well (default false), as the train
   *     job's parameter of the same name, so the baselines can be compared with a model trained either way
   */
  public record Params(
      @NotBlank String dataset,
      String testDataset,
      @NotBlank String label,
      String positive,
      @NotEmpty List<@Valid ProtectedSpec> protectedAttributes,
      List<String> features,
      List<String> ignored,
      MissingValuePolicy missing,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.9") Double testFraction,
      List<String> methods,
      String groups,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double eps,
      @Min(1) @Max(1000) Integer maxIterations,
      @Min(1) Integer minSupport,
      Boolean protectedAsFeatures) {

    FairSchema schema() {
      return new FairSchema(label, positive, protectedAttributes, features, ignored, missing, protectedAsFeatures);
    }

    List<Baseline> baselines() {
      return methods == null || methods.isEmpty() ? List.of(Baseline.values())
          : methods.stream().map(Baseline::of).toList();
    }

    String grouping() {
      return groups == null ? GroupCodes.CELLS : groups;
    }

    BaselineFit.Options options() {
      BaselineFit.Options d = BaselineFit.Options.defaults();
      return new BaselineFit.Options(eps == null ? d.eps() : eps, maxIterations == null ? d.maxIterations()
          : maxIterations);
    }

    int minSupportOrDefault() {
      return minSupport == null ? 30 : minSupport;
    }
  }

  private final JsonMapper json;

  public BaselinesJob(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return "fairness.baselines";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    ProtectedChecks.check(p.protectedAttributes(), p.label());
    if (p.methods() != null) {
      List<String> seen = new ArrayList<>();
      for (String m : p.methods()) {
        if (!Baseline.ids().contains(m) || seen.contains(m)) {
          throw ProblemException.badRequest("invalid-params", (seen.contains(m) ? "method '" + m
              + "' is listed twice" : "unknown method '" + m + "'") + "; the methods are " + Baseline.ids())
              .with("field", "params.methods").with("value", String.valueOf(m));
        }
        seen.add(m);
      }
    }
    String g = p.grouping();
    if (!GroupCodes.CELLS.equals(g) && p.protectedAttributes().stream().noneMatch(s -> g.equals(s.column()))) {
      throw ProblemException.badRequest("invalid-params", "groups must be 'cells' or one of the protected columns "
          + p.schema().protectedColumns() + ", not '" + g + "'").with("field", "params.groups");
    }
    if (p.testDataset() != null && p.testFraction() != null) {
      throw ProblemException.badRequest("invalid-params", "give a test dataset or a test fraction, not both")
          .with("field", "params.testFraction");
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    List<Baseline> methods = p.baselines();
    String grouping = p.grouping();
    BaselineFit.Options options = p.options();
    DatasetDescriptor trainSet = Tables.csv(ctx, p.dataset(), "params.dataset");
    DatasetDescriptor testSet = p.testDataset() == null ? null
        : Tables.csv(ctx, p.testDataset(), "params.testDataset");
    ctx.progress(0.02, "reading " + trainSet.id());
    FairProblemLoader.Loaded loaded = FairProblemLoader.fit(Tables.bytes(ctx, trainSet), p.schema());
    ctx.checkCancelled();

    FairProblem train;
    FairProblem test;
    Double fraction = null;
    if (testSet != null) {
      train = loaded.problem();
      // indexed as the training table's groups and cells, so per-group learners apply to it
      test = FairProblemLoader.apply(Tables.bytes(ctx, testSet), loaded).problem();
    } else {
      fraction = p.testFraction() == null ? DEFAULT_TEST_FRACTION : p.testFraction();
      Splits.Split split = Splits.stratified(loaded.problem(), fraction, ctx.seed());
      train = loaded.problem().subset(split.train());
      test = loaded.problem().subset(split.held());
    }
    int[] trainGroups = GroupCodes.codes(train, grouping);
    int[] testGroups = GroupCodes.codes(test, grouping);
    if (train.rows() < 2 || test.rows() == 0) {
      throw ProblemException.badRequest("invalid-params", "the split leaves " + train.rows() + " training and "
          + test.rows() + " test rows").with("field", testSet == null ? "params.testFraction" : "params.testDataset");
    }
    ctx.log(String.format("%d training rows, %d test rows, groups: %s (%d)", train.rows(), test.rows(), grouping,
        GroupCodes.names(train, grouping).size()));

    int minSupport = p.minSupportOrDefault();
    boolean intersectional = GroupCodes.CELLS.equals(grouping);
    List<BaselinesReport.MethodResult> results = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      Baseline method = methods.get(m);
      ctx.checkCancelled();
      ctx.progress(0.05 + 0.9 * m / methods.size(), "method " + (m + 1) + "/" + methods.size() + ": "
          + method.id());
      BaselineFit.Fitted fitted = BaselineFit.fit(method, train, trainGroups, test, testGroups, options, ctx.seed(),
          ctx::checkCancelled);
      // the benchmark's Metrics: EO as the trained objective, its fairness column the cells' gap under cells
      CandidateTable table = CandidateEvaluator.evaluate(fitted.predictions(), test, FairnessObjective.EO,
          intersectional, minSupport);
      results.add(BaselinesReport.MethodResult.of(method.id(), method.randomized(), table, test,
          fitted.trainSeconds(), fitted.details()));
      ctx.log(String.format("%s: accuracy %.4f, mmm %.4f, %.2f s", method.id(), 1 - table.value(0, "error"),
          table.value(0, "mmm"), fitted.trainSeconds()));
    }

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("methods", methods.stream().map(Baseline::id).toList());
    parameters.put("groups", grouping);
    parameters.put("eps", options.eps());
    parameters.put("maxIterations", options.maxIterations());
    parameters.put("minSupport", minSupport);
    parameters.put("protectedAsFeatures", p.schema().protectedAsFeatures());
    parameters.put("inputs", train.featureNames());
    parameters.put("learner", "WeightedLogisticRegression(l2=1e-4)");
    BaselinesReport report = new BaselinesReport(trainSet.id(), testSet == null ? null : testSet.id(), fraction,
        train.rows(), test.rows(), loaded.droppedRows(), grouping, GroupCodes.names(train, grouping), ctx.seed(),
        parameters, results);
    ctx.progress(0.97, "writing the report");
    ctx.writeArtifact("baselines.json", "application/json", json.writeValueAsBytes(report));

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("trainRows", train.rows());
    summary.put("testRows", test.rows());
    summary.put("groups", grouping);
    List<Map<String, Object>> perMethod = new ArrayList<>();
    for (BaselinesReport.MethodResult r : results) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", r.method());
      row.put("accuracy", r.accuracy());
      row.put("balancedAccuracy", r.balancedAccuracy());
      row.put("mmm", r.worst().get("mmm"));
      row.put("eoCells", r.cells() == null ? null : r.cells().get("eo"));
      row.put("trainSeconds", r.trainSeconds());
      perMethod.add(row);
    }
    summary.put("methods", perMethod);
    summary.put("report", "baselines.json");
    return summary;
  }
}
