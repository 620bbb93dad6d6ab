package org.trustml.fairness.job;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.catalog.ModelRegistration;
import org.trustml.core.job.JobContext;
import org.trustml.fairness.data.FairProblem;
import org.trustml.fairness.explain.LlmPhraser;
import org.trustml.fairness.model.FairModel;
import org.trustml.fairness.model.ModelCard;
import org.trustml.fairness.model.ModelCards;
import org.trustml.fairness.onnx.OnnxAgreement;
import org.trustml.fairness.onnx.OnnxExport;
import org.trustml.fairness.onnx.OnnxModelCheck;
import org.trustml.fairness.pareto.CandidateEvaluator;
import org.trustml.fairness.pareto.CandidateTable;
import org.trustml.fairness.pareto.FairnessObjective;
import org.trustml.fairness.pareto.Selection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a chosen model out and registers it: the ONNX file (checked row by row against the Java model with ONNX
 * Runtime before anything is registered), the JSON sidecar, the card and the explanation, then the catalog entry
 * whose metadata holds the card and the sidecar's digest.
 */
@Component
public class ModelPublisher {

  /** Media type of the ONNX file. */
  public static final String ONNX = "application/onnx";

  private final JsonMapper json;
  private final LlmPhraser phraser;

  public ModelPublisher(JsonMapper json, LlmPhraser phraser) {
    this.json = json;
    this.phraser = phraser;
  }

  /** What was registered. */
  public record Published(String modelId, ModelCard card, ArtifactRef onnx, ArtifactRef sidecar) {}

  /**
   * @param train the training rows (group sizes, and the rows the export is checked on without a test set)
   * @param test the test rows, or null
   * @param parents the catalog ids the model was made from
   */
  public Published publish(JobContext ctx, String name, FairModel model, FairProblem train, FairProblem test,
      ModelCard.DataFacts facts, List<String> parents) {
    byte[] onnx = OnnxExport.toOnnx(model.ensemble());
    FairProblem checkOn = test != null ? test : train;
    OnnxAgreement agreement = OnnxModelCheck.check(model.ensemble(), onnx, checkOn.features());
    if (!agreement.agrees(OnnxModelCheck.DEFAULT_TOLERANCE)) {
      throw new IllegalStateException("the ONNX export disagrees with the model (" + agreement + "); nothing was "
          + "registered");
    }
    ctx.checkCancelled();
    ArtifactRef onnxRef = ctx.writeArtifact("model.onnx", ONNX, onnx);
    ArtifactRef sidecar = ctx.writeArtifact("model.json", "application/json", json.writeValueAsBytes(model));
    CandidateTable testCandidates = test == null ? null : CandidateEvaluator.evaluate(model.ensemble(), test,
        FairnessObjective.of(model.constraint()),
        model.intersectional(), model.minSupport());
    ModelCard card = ModelCards.build(name, model, train, test, testCandidates, facts,
        new ModelCard.OnnxFacts(onnxRef.sha256(), agreement.rows(), agreement.agreeing(),
            agreement.maxScoreDifference()));
    card = card.withExplanation(phraser.phrase(card.explanation()));
    ctx.writeArtifact("card.json", "application/json", json.writeValueAsBytes(card));
    ctx.writeArtifact("pareto.json", "application/json", json.writeValueAsBytes(ParetoView.of(model, testCandidates)));
    ctx.writeArtifact("explanation.txt", "text/plain", card.explanation().text().getBytes(StandardCharsets.UTF_8));
    ctx.writeArtifact("explanation.json", "application/json", json.writeValueAsBytes(card.explanation()));
    ObjectNode metadata = json.createObjectNode();
    metadata.put("sidecar", sidecar.sha256());
    metadata.put("kind", "trustml-fair-boosting");
    metadata.set("card", json.valueToTree(card));
    ModelDescriptor registered = ctx.catalog().registerModel(new ModelRegistration(ctx.owner(), name, "onnx",
        onnxRef, metadata, new Lineage(parents, "fairness", ctx.jobId().toString())));
    return new Published(registered.id(), card, onnxRef, sidecar);
  }

  /**
   * The front as clients read it: every candidate's objectives where θ was chosen (and on the test set), the front
   * and the choice.
   */
  public record ParetoView(String selectedOn, CandidateTable candidates, CandidateTable testCandidates,
      Selection selection) {
    public static ParetoView of(FairModel m, CandidateTable test) {
      return new ParetoView(m.selectedOn(), m.candidates(), test, m.selection());
    }
  }
}
