package org.trustml.fairness.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.ModelDescriptor;
import org.trustml.core.web.ProblemException;
import org.trustml.core.web.Tenants;
import org.trustml.fairness.data.LabelCoding;
import org.trustml.fairness.job.ModelPublisher;
import org.trustml.fairness.model.FairModel;
import org.trustml.fairness.model.FairModels;
import org.trustml.fairness.onnx.OnnxPrediction;
import org.trustml.ml.RowEncoder;
import org.trustml.ml.TabularEncoding;
import org.trustml.ml.TabularEncodingJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registered fair model's front, and predictions from its ONNX file (the deployed form, run by ONNX Runtime) for
 * rows given as column → value maps.
 */
@RestController
@RequestMapping("/api/v1/fairness/models")
@Tag(name = "fairness")
class ModelsController {

  /** Rows one synchronous prediction may carry: a few milliseconds of ONNX Runtime. */
  static final int MAX_ROWS = 10_000;

  private final CatalogClient catalog;
  private final ArtifactStore store;
  private final JsonMapper json;
  private final OnnxSessions sessions;

  ModelsController(CatalogClient catalog, ArtifactStore store, JsonMapper json, OnnxSessions sessions) {
    this.catalog = catalog;
    this.store = store;
    this.json = json;
    this.sessions = sessions;
  }

  /** @param rows one map per row: column → value as it appears in the training table */
  record PredictRequest(@NotEmpty @Size(max = MAX_ROWS) List<Map<String, String>> rows) {}

  /**
   * @param label 1 for the positive class
   * @param value the label column's value for that class
   * @param probability the model's probability of the positive class
   */
  record RowPrediction(int label, String value, double probability) {}

  record PredictResponse(String model, int theta, List<RowPrediction> predictions) {}

  @PostMapping("/{id}/predict")
  @Operation(operationId = "predictWithFairModel", summary = "Predict with a registered fair model's ONNX export")
  PredictResponse predict(@PathVariable String id, @Valid @RequestBody PredictRequest request,
      HttpServletRequest http) throws IOException {
    ModelDescriptor d = catalog.model(Tenants.of(http), id);
    FairModel model = FairModels.read(d, store, json);
    TabularEncoding encoding = TabularEncodingJson.fromJson(model.encoding());
    float[] rows;
    try {
      rows = RowEncoder.features(encoding, request.rows());
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-row", e.getMessage()).with("field", "rows");
    }
    OnnxPrediction out = sessions.predict(d.artifact().sha256(), () -> open(d), rows);
    String positive = model.schema().positive();
    List<String> classes = encoding.classes();
    List<RowPrediction> predictions = new ArrayList<>(out.labels().length);
    for (int i = 0; i < out.labels().length; i++) {
      int label = out.labels()[i];
      predictions.add(new RowPrediction(label, valueOf(label, encoding.label(), positive, classes), out.probabilities()[i]));
    }
    return new PredictResponse(d.id(), model.ensemble().theta(), predictions);
  }

  @GetMapping("/{id}/pareto")
  @Operation(operationId = "getFairModelFront", summary = "Every candidate size of a fair model, its front and the "
      + "current choice")
  ModelPublisher.ParetoView pareto(@PathVariable String id, HttpServletRequest http) throws IOException {
    ModelDescriptor d = catalog.model(Tenants.of(http), id);
    return ModelPublisher.ParetoView.of(FairModels.read(d, store, json), null);
  }

  private byte[] open(ModelDescriptor d) {
    try (InputStream in = store.open(d.artifact().sha256())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The label column's value for a 0/1 prediction. */
  private static String valueOf(int label, String column, String positive, List<String> classes) {
    int pos = LabelCoding.positiveCode(column, classes, positive);
    return classes.get(label == 1 ? pos : 1 - pos);
  }
}
