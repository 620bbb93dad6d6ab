package org.trustml.fairness.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.data.FairSchema;
import org.trustml.fairness.data.ProtectedSpec;
import org.trustml.fairness.model.BoostingSpec;
import org.trustml.fairness.model.Boosters;
import org.trustml.fairness.model.FairModel;
import org.trustml.fairness.model.ModelCard;
import org.trustml.fairness.model.SelectionRequest;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;
import org.trustml.fairness.pareto.Selection;
import org.trustml.ml.MissingValuePolicy;
import org.trustml.ml.TabularEncodingJson;

/**
 * Trains an MMM-Fair model (or its unconstrained baseline) on a catalog table, chooses its size on the Pareto front,
 * exports it to ONNX and checks the export with ONNX Runtime, and registers it in the catalog with its card.
 */
@Component
public class TrainJob implements JobHandler<TrainJob.Params> {

  /**
   * @param dataset the training table
   * @param testDataset a table with the same columns to measure the chosen model on; optional
   * @param label the binary target column
   * @param positive its positive value, unless 0/1 or false/true
   * @param protectedAttributes the protected columns, their non-protected group and optional numeric bands
   * @param features the feature columns; every other column when empty
   * @param ignored columns to leave out
   * @param missing {@code DROP_ROWS} (default) or {@code IMPUTE}
   * @param protectedAsFeatures whether the protected columns are model inputs as well (default false); the served
   *     model then needs them to predict
   * @param variant {@code adaboost} (default) or {@code gbt}
   * @param constraint {@code EO} (default), {@code DP}, {@code EP}, {@code TPR}, {@code FPR}, or {@code NONE}
   * @param selectionFraction share of the training rows held out to build the front on; 0 (default) builds it on
   *     the training rows, as mmm-fair does
   * @param selection how to choose θ
   * @param name the model's catalog name
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
      Boolean protectedAsFeatures,
      @Pattern(regexp = "adaboost|gbt") String variant,
      @Pattern(regexp = "DP|EP|EO|TPR|FPR|NONE") String constraint,
      @Min(1) @Max(5000) Integer rounds,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double learningRate,
      @DecimalMin("0") @DecimalMax("1") Double gamma,
      @DecimalMin("0") @DecimalMax("100") Double alpha,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") Double beta,
      @Min(1) @Max(12) Integer depth,
      @Min(1) Integer minLeaf,
      @Min(2) @Max(255) Integer bins,
      Boolean intersectional,
      @Min(1) Integer minSupport,
      @DecimalMin("0") @DecimalMax("0.5") Double selectionFraction,
      @Valid SelectionRequest selection,
      String name) {

    BoostingSpec spec() {
      return new BoostingSpec(variant == null ? "adaboost" : variant, constraint == null ? "EO" : constraint, rounds,
          learningRate, gamma, alpha, beta, depth, minLeaf, bins, Boolean.TRUE.equals(intersectional), minSupport);
    }

    FairSchema schema() {
      return new FairSchema(label, positive, protectedAttributes, features, ignored, missing, protectedAsFeatures);
    }
  }

  private final ModelPublisher publisher;

  public TrainJob(ModelPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public String type() {
    return "fairness.mmm-fair.train";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    ProtectedChecks.check(p.protectedAttributes(), p.label());
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    BoostingSpec spec = p.spec();
    DatasetDescriptor train = Tables.csv(ctx, p.dataset(), "params.dataset");
    DatasetDescriptor test = p.testDataset() == null ? null : Tables.csv(ctx, p.testDataset(), "params.testDataset");
    ctx.progress(0.02, "reading " + train.id());
    FairProblemLoader.Loaded loaded = FairProblemLoader.fit(Tables.bytes(ctx, train), p.schema());
    FairProblemLoader.Loaded testLoaded = test == null ? null
        : FairProblemLoader.apply(Tables.bytes(ctx, test), loaded);
    ctx.checkCancelled();

    FairProblem fitOn = loaded.problem();
    FairProblem selectOn = loaded.problem();
    String selectedOn = String.format("training set (%,d rows)", fitOn.rows());
    double fraction = p.selectionFraction() == null ? 0 : p.selectionFraction();
    if (fraction > 0) {
      Splits.Split split = Splits.stratified(loaded.problem(), fraction, ctx.seed());
      fitOn = loaded.problem().subset(split.train());
      selectOn = loaded.problem().subset(split.held());
      selectedOn = String.format("held-out selection set (%,d rows)", selectOn.rows());
    }
    ctx.progress(0.05, "training " + spec.variant() + " on " + fitOn.rows() + " rows");
    long started = System.nanoTime();
    Ensemble ensemble = Boosters.train(fitOn, spec, ctx.seed(), (t, total) -> {
      ctx.checkCancelled();
      if (t % 10 == 0 || t == total) {
        ctx.progress(0.05 + 0.75 * t / total, "round " + t + "/" + total);
      }
    });
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    ctx.log(String.format("trained %d learners in %.2f s", ensemble.trees().size(), trainSeconds));

    ctx.progress(0.82, "building the Pareto front");
    FairnessObjective objective = FairnessObjective.of(spec.constraint());
    CandidateTable candidates = CandidateEvaluator.evaluate(ensemble, selectOn, objective, spec.intersectional(),
        spec.minSupportOrDefault());
    SelectionRequest request = p.selection() == null ? SelectionRequest.defaults() : p.selection();
    Selection selection = request.select(candidates, spec.variant(), spec.constraint(), spec.intersectional(),
        p.schema().protectedColumns());
    FairModel model = new FairModel(FairModel.FORMAT, spec.variant(), spec.constraint(), spec.intersectional(),
        ensemble.withTheta(selection.theta()), TabularEncodingJson.toJson(loaded.encoding()), p.schema(), selectedOn,
        candidates, selection, spec.minSupportOrDefault(), train.id());
    ctx.checkCancelled();

    ctx.progress(0.88, "exporting and checking the ONNX model");
    String name = p.name() == null ? train.name() + "-" + spec.variant() + "-" + spec.constraint().toLowerCase(
        Locale.ROOT) : p.name();
    ModelCard.DataFacts facts = new ModelCard.DataFacts(train.id(), test == null ? null : test.id(),
        fitOn.rows(), loaded.droppedRows(), testLoaded == null ? 0 : testLoaded.problem().rows(),
        p.label() + (p.positive() == null ? "" : " = " + p.positive()), fitOn.width());
    List<String> parents = new ArrayList<>(List.of(train.id()));
    if (test != null) {
      parents.add(test.id());
    }
    ModelPublisher.Published published = publisher.publish(ctx, name, model, loaded.problem(),
        testLoaded == null ? null : testLoaded.problem(), facts, parents);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("model", published.modelId());
    result.put("method", model.methodName());
    result.put("theta", selection.theta());
    result.put("learners", ensemble.trees().size());
    result.put("front", selection.front());
    result.put("trainingSeconds", trainSeconds);
    result.put("selectionObjectives", published.card().selectionObjectives());
    if (published.card().testObjectives() != null) {
      result.put("testObjectives", published.card().testObjectives());
    }
    result.put("onnxAgreement", published.card().onnx());
    result.put("explanation", published.card().explanation().text());
    return result;
  }
}
