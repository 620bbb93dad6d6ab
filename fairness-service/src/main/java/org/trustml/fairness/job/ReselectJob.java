package org.trustml.fairness.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.data.FairProblemLoader;
import org.trustml.fairness.model.FairModel;
import org.trustml.fairness.model.FairModels;
import org.trustml.fairness.model.ModelCard;
import org.trustml.fairness.model.SelectionRequest;
import org.trustml.fairness.pareto.Selection;
import org.trustml.ml.TabularEncodingJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses another size for a trained model from the candidates measured when it was trained, without retraining:
 * the same learners, another θ, a new ONNX export, card and catalog entry whose lineage names the original.
 */
@Component
public class ReselectJob implements JobHandler<ReselectJob.Params> {

  /**
   * @param model the catalog id of a model the training job registered
   * @param selection the new choice: a preference or constraints
   * @param testDataset a table to measure the new choice on; optional
   * @param name the new model's catalog name; the original's with {@code -θ<n>} by default
   */
  public record Params(@NotBlank String model, @NotNull @Valid SelectionRequest selection, String testDataset,
      String name) {}

  private final ModelPublisher publisher;
  private final JsonMapper json;

  public ReselectJob(ModelPublisher publisher, JsonMapper json) {
    this.publisher = publisher;
    this.json = json;
  }

  @Override
  public String type() {
    return "fairness.mmm-fair.reselect";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    ModelDescriptor original = ctx.catalog().model(ctx.owner(), p.model());
    FairModel stored = FairModels.read(original, ctx.artifacts(), json);
    ctx.progress(0.1, "choosing among " + stored.candidates().candidates() + " candidates");
    Selection selection = p.selection().select(stored);
    FairModel model = stored.reselected(selection);
    ctx.progress(0.3, "reading the training table " + stored.dataset());
    DatasetDescriptor train = Tables.csv(ctx, stored.dataset(), "model.dataset");
    var encoding = TabularEncodingJson.fromJson(stored.encoding());
    FairProblemLoader.Loaded trainRows = FairProblemLoader.apply(Tables.bytes(ctx, train), encoding,
        stored.schema());
    FairProblem test = null;
    DatasetDescriptor testSet = null;
    if (p.testDataset() != null) {
      testSet = Tables.csv(ctx, p.testDataset(), "params.testDataset");
      test = FairProblemLoader.apply(Tables.bytes(ctx, testSet), trainRows).problem();
    }
    ctx.checkCancelled();
    ctx.progress(0.6, "exporting θ = " + selection.theta());
    String name = p.name() != null ? p.name() : original.name() + "-theta" + selection.theta();
    ModelCard.DataFacts facts = new ModelCard.DataFacts(train.id(), testSet == null ? null : testSet.id(),
        trainRows.problem().rows(), trainRows.droppedRows(), test == null ? 0 : test.rows(),
        stored.schema().label() + (stored.schema().positive() == null ? "" : " = " + stored.schema().positive()),
        trainRows.problem().width());
    List<String> parents = testSet == null ? List.of(original.id()) : List.of(original.id(), testSet.id());
    ModelPublisher.Published published = publisher.publish(ctx, name, model, trainRows.problem(), test, facts,
        parents);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("model", published.modelId());
    result.put("previousTheta", stored.selection().theta());
    result.put("theta", selection.theta());
    result.put("rule", selection.rule());
    result.put("selectionObjectives", published.card().selectionObjectives());
    if (published.card().testObjectives() != null) {
      result.put("testObjectives", published.card().testObjectives());
    }
    result.put("explanation", published.card().explanation().text());
    return result;
  }
}
