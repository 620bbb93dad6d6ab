package org.trustml.fairness.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.job.JobCancelledException;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.web.ProblemException;
import org.trustml.fairness.multitask.FairBranchConfig;
import org.trustml.fairness.multitask.FairBranchExperiment;
import org.trustml.fairness.multitask.FairBranchReport;
import org.trustml.fairness.multitask.ModelReport;
import org.trustml.fairness.multitask.MultiTaskData;
import org.trustml.fairness.multitask.MultiTaskSplit;
import org.trustml.fairness.multitask.MultiTaskTables;
import org.trustml.fairness.multitask.TaskGains;
import org.trustml.fairness.multitask.TrainingListener;
import org.trustml.ml.ByteSource;
import org.trustml.ml.ColumnRoles;
import org.trustml.ml.MissingValuePolicy;
import org.trustml.ml.MlEngine;
import org.trustml.ml.TabularLoader;
import org.trustml.ml.TabularOptions;
import org.trustml.ml.TabularTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * FairBranch multi-task training on a catalog table with several binary target columns and one protected attribute
 * (design note §8): single-task models per task, the plain multi-task model and FairBranch, all with the same
 * settings and seed, measured on a held-out part or a test table. Writes {@code fairbranch.json} (the whole report:
 * per-task metrics, knowledge and discrimination gains, branching events, per-epoch logs) and {@code fairbranch.txt}.
 * Progress is reported per epoch of every model.
 */
@Component
public class FairBranchJob implements JobHandler<FairBranchJob.Params> {

  /** Chunks the training rows are dealt into by default (branching is decided every {@code branchEvery}). */
  static final int DEFAULT_CHUNKS = 8;
  /** The paper picks its checkpoint on held-out rows; a tenth of the training rows by default. */
  static final double DEFAULT_VALIDATION_FRACTION = 0.1;

  /**
   * @param column a binary target column
   * @param positive its positive value; null for 0/1 or false/true
   */
  public record Task(@NotBlank String column, String positive) {}

  /**
   * @param column the protected column
   * @param nonProtected its non-protected value (group 1); every other value is protected (group 0)
   */
  public record Protected(@NotBlank String column, @NotBlank String nonProtected) {}

  /**
   * @param dataset the training table
   * @param testDataset a table with the same columns to measure on; optional
   * @param tasks two or more binary targets
   * @param protectedAttribute the protected column and its non-protected value
   * @param features the feature columns; every column that is neither a task nor protected when empty
   * @param ignored columns to leave out
   * @param missing {@code DROP_ROWS} (default) or {@code IMPUTE}
   * @param testFraction without a test table, the share held out, stratified by group and task labels (0.3)
   * @param widths hidden layer widths, bottom first (default [64, 32, 32])
   * @param epochs passes over the training rows (default 3)
   * @param batchSize rows per optimiser step (default 128)
   * @param chunks chunks the training rows are dealt into (default 8)
   * @param branchEvery chunks between branching decisions (default 4)
   * @param tau least CKA affinity that keeps two task groups on one branch (default 0.7)
   * @param learningRate AdamW learning rate (default 1e-3)
   * @param weightDecay AdamW decoupled weight decay (default 0.01)
   * @param validationFraction share of the training rows held out for FairBranch's checkpoint selection, the epoch
   *     with the fewest conflicting gradient pairs on them (default 0.1; 0: the last epoch)
   */
  public record Params(
      @NotBlank String dataset,
      String testDataset,
      @NotNull @Size(min = 2, max = 16) List<@NotNull @Valid Task> tasks,
      @NotNull @Valid Protected protectedAttribute,
      List<String> features,
      List<String> ignored,
      MissingValuePolicy missing,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.9") Double testFraction,
      @Size(min = 1, max = 8) List<@NotNull @Min(1) @Max(1024) Integer> widths,
      @Min(1) @Max(500) Integer epochs,
      @Min(1) @Max(65_536) Integer batchSize,
      @Min(1) @Max(1000) Integer chunks,
      @Min(1) @Max(1000) Integer branchEvery,
      @DecimalMin("0") @DecimalMax("1") Double tau,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
      @DecimalMin("0") @DecimalMax("1") Double weightDecay,
      @DecimalMin("0") @DecimalMax("0.5") Double validationFraction) {

    FairBranchConfig config(long seed) {
      FairBranchConfig d = FairBranchConfig.small(seed);
      return new FairBranchConfig(widths == null ? d.widths() : widths, epochs == null ? d.epochs() : epochs,
          batchSize == null ? d.batchSize() : batchSize, branchEvery == null ? d.branchEvery() : branchEvery,
          tau == null ? d.tau() : tau, learningRate == null ? d.learningRate() : learningRate,
          weightDecay == null ? d.weightDecay() : weightDecay, seed,
          validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction);
    }

    List<MultiTaskTables.Task> taskSpecs() {
      return tasks.stream().map(t -> new MultiTaskTables.Task(t.column(), t.positive())).toList();
    }

    ColumnRoles roles() {
      return MultiTaskTables.roles(taskSpecs(), protectedAttribute.column(), features, ignored);
    }

    int chunksOrDefault() {
      return chunks == null ? DEFAULT_CHUNKS : chunks;
    }
  }

  private final JsonMapper json;

  public FairBranchJob(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String type() {
    return "fairness.fairbranch.train";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    List<String> taken = new ArrayList<>();
    for (Task t : p.tasks()) {
      if (taken.contains(t.column()) || t.column().equals(p.protectedAttribute().column())) {
        throw ProblemException.badRequest("invalid-params", "task column '" + t.column() + "' is listed twice or is "
            + "the protected column").with("field", "params.tasks").with("column", t.column());
      }
      taken.add(t.column());
    }
    taken.add(p.protectedAttribute().column());
    for (String f : p.features() == null ? List.<String>of() : p.features()) {
      if (taken.contains(f)) {
        throw ProblemException.badRequest("invalid-column-role", "column '" + f + "' is a task or the protected "
            + "column; it cannot be a feature").with("field", "params.features").with("column", f);
      }
    }
    for (String f : p.ignored() == null ? List.<String>of() : p.ignored()) {
      if (taken.contains(f)) {
        throw ProblemException.badRequest("invalid-column-role", "column '" + f + "' is a task or the protected "
            + "column; it cannot be ignored").with("field", "params.ignored").with("column", f);
      }
    }
    if (p.testDataset() != null && p.testFraction() != null) {
      throw ProblemException.badRequest("invalid-params", "give a test dataset or a test fraction, not both")
          .with("field", "params.testFraction");
    }
    try {
      p.roles();
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-column-role", e.getMessage()).with("field", "params.features");
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    FairBranchConfig config = p.config(ctx.seed());
    List<MultiTaskTables.Task> tasks = p.taskSpecs();
    String protectedColumn = p.protectedAttribute().column();
    String nonProtected = p.protectedAttribute().nonProtected();
    DatasetDescriptor trainSet = Tables.csv(ctx, p.dataset(), "params.dataset");
    DatasetDescriptor testSet = p.testDataset() == null ? null
        : Tables.csv(ctx, p.testDataset(), "params.testDataset");
    ctx.progress(0.02, "reading " + trainSet.id());
    List<String> used = new ArrayList<>();
    tasks.forEach(t -> used.add(t.column()));
    used.add(protectedColumn);
    used.addAll(p.features() == null ? List.of() : p.features());
    used.addAll(p.ignored() == null ? List.of() : p.ignored());
    ByteSource trainBytes = Tables.bytes(ctx, trainSet);
    Tables.requireColumns(trainBytes, used);
    TabularTable table;
    try {
      table = TabularLoader.load(trainBytes, p.roles(), TabularOptions.defaults().withCsv(Tables.CSV)
          .withMissing(p.missing() == null ? MissingValuePolicy.DROP_ROWS : p.missing()).withStandardize(true));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-dataset", e.getMessage()).with("field", "params.dataset");
    }
    MultiTaskData all = MultiTaskTables.of(table, tasks, protectedColumn, nonProtected);
    ctx.checkCancelled();

    MultiTaskData train;
    MultiTaskData test;
    Double fraction = null;
    if (testSet != null) {
      ByteSource testBytes = Tables.bytes(ctx, testSet);
      Tables.requireColumns(testBytes, used);
      TabularTable testTable;
      try {
        testTable = TabularLoader.encode(testBytes, table.encoding(), Tables.CSV);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("invalid-dataset", e.getMessage()).with("field", "params.testDataset");
      }
      train = all;
      test = MultiTaskTables.of(testTable, tasks, protectedColumn, nonProtected);
    } else {
      fraction = p.testFraction() == null ? BaselinesJob.DEFAULT_TEST_FRACTION : p.testFraction();
      Splits.Split split = Splits.stratified(MultiTaskTables.strata(all), fraction, ctx.seed());
      train = all.rows(split.train());
      test = all.rows(split.held());
    }
    requireBothGroups(train, protectedColumn, nonProtected);
    if (test.rows() == 0) {
      throw ProblemException.badRequest("invalid-params", "no test row is left").with("field",
          testSet == null ? "params.testFraction" : "params.testDataset");
    }
    train = MultiTaskTables.dealt(train, p.chunksOrDefault(), ctx.seed());
    ctx.log(String.format("%d training rows in %d chunks, %d test rows, %d features, tasks %s", train.rows(),
        p.chunksOrDefault(), test.rows(), train.featureCount(), train.taskNames()));

    int models = tasks.size() + 2;
    int[] epochsDone = {0};
    TrainingListener listener = new TrainingListener() {
      @Override
      public void epochDone(String model, int epoch, int epochs) {
        epochsDone[0]++;
        ctx.progress(0.05 + 0.9 * epochsDone[0] / ((double) models * epochs),
            model + " epoch " + epoch + "/" + epochs);
      }

      @Override
      public boolean cancelled() {
        return ctx.cancellationRequested();
      }
    };
    ctx.progress(0.05, "training " + models + " models");
    FairBranchReport report;
    try {
      report = new FairBranchExperiment(MlEngine.fromEnvironment(), config, listener)
          .run(new MultiTaskSplit(train, test));
    } catch (CancellationException e) {
      throw new JobCancelledException("job " + ctx.jobId() + " was cancelled: " + e.getMessage());
    }

    ctx.progress(0.97, "writing the report");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataset", trainSet.id());
    out.put("testDataset", testSet == null ? null : testSet.id());
    out.put("testFraction", fraction);
    out.put("tasks", tasks);
    out.put("protectedAttribute", p.protectedAttribute());
    out.put("droppedRows", table.droppedRows());
    out.put("features", table.encoding().featureNames());
    out.put("chunks", p.chunksOrDefault());
    out.put("seed", ctx.seed());
    out.put("report", report);
    ctx.writeArtifact("fairbranch.json", "application/json", json.writeValueAsBytes(out));
    ctx.writeArtifact("fairbranch.txt", "text/plain", report.text().getBytes(StandardCharsets.UTF_8));

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tasks", report.tasks());
    summary.put("trainRows", report.trainRows());
    summary.put("validationRows", report.validationRows());
    summary.put("checkpointEpoch", report.fairBranch().checkpointEpoch());
    summary.put("testRows", report.testRows());
    summary.put("plainMultiTask", meanGains(report.plainMultiTask()));
    summary.put("fairBranch", meanGains(report.fairBranch()));
    summary.put("branchEvents", report.fairBranch().branching().size());
    summary.put("report", "fairbranch.json");
    return summary;
  }

  private static Map<String, Object> meanGains(ModelReport m) {
    TaskGains g = m.mean();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("meanKnowledgeGain", g.knowledgeGain());
    out.put("meanDiscriminationGainEp", g.discriminationGainEp());
    out.put("meanDiscriminationGainEo", g.discriminationGainEo());
    return out;
  }

  private static void requireBothGroups(MultiTaskData data, String column, String nonProtected) {
    int nonProtectedRows = 0;
    for (int g : data.group()) {
      nonProtectedRows += g;
    }
    if (nonProtectedRows == 0 || nonProtectedRows == data.rows()) {
      throw ProblemException.badRequest("single-valued-attribute", "every training row is "
          + (nonProtectedRows == 0 ? "protected" : "non-protected") + " ('" + column + "' vs '" + nonProtected
          + "'); there is nothing to compare").with("column", column);
    }
  }
}
