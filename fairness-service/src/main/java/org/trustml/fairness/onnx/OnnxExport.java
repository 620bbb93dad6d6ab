package org.trustml.fairness.onnx;

import static org.trustml.fairness.onnx.OnnxProto.attribute;
import static org.trustml.fairness.onnx.OnnxProto.entry;
import static org.trustml.fairness.onnx.OnnxProto.floatTensor;
import static org.trustml.fairness.onnx.OnnxProto.int64Tensor;
import static org.trustml.fairness.onnx.OnnxProto.node;
import static org.trustml.fairness.onnx.OnnxProto.opset;
import static org.trustml.fairness.onnx.OnnxProto.tensorValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trustml.fairness.boost.Ensemble;

/**
 * Writes a boosted {@link Ensemble} (its first θ trees) as an ONNX model that ONNX Runtime and other ONNX-ML
 * runtimes can serve.
 *
 * <p>Graph: {@value #INPUT} float [N, d] → {@code ai.onnx.ml.TreeEnsembleRegressor} (SUM of leaf contributions
 * plus the GBT base) → {@value #SCORE} float [N, 1]; {@value #LABEL} int64 [N] is 1 where the score is above 0;
 * {@value #PROBABILITY} float [N, 1] is σ(score) for GBT and ½(1 + score/Σα) for AdaBoost, as
 * {@link Ensemble#probability} computes them. The model's metadata carries {@value #KIND_KEY},
 * {@value #THETA_KEY} and {@value #FEATURES_KEY} (a JSON array of the input's column names).
 */
public final class OnnxExport {

  public static final String INPUT = "features";
  public static final String SCORE = "score";
  public static final String LABEL = "label";
  public static final String PROBABILITY = "probability";

  public static final String KIND_KEY = "trustml.kind";
  public static final String THETA_KEY = "trustml.theta";
  public static final String FEATURES_KEY = "trustml.features";

  static final long IR_VERSION = 8;
  static final long ONNX_OPSET = 17;
  // TreeEnsembleRegressor-3; opset 5 of ai.onnx.ml replaces it with TreeEnsemble
  static final long ONNX_ML_OPSET = 3;
  private static final String ML_DOMAIN = "ai.onnx.ml";
  private static final String BATCH = "N";

  private OnnxExport() {
  }

  /** The serialized ModelProto of the ensemble's first {@code theta} trees. */
  public static byte[] toOnnx(Ensemble ensemble) {
    Objects.requireNonNull(ensemble, "ensemble");
    int d = ensemble.featureNames().size();
    List<ProtoMessage> nodes = new ArrayList<>();
    List<ProtoMessage> initializers = new ArrayList<>();

    nodes.add(node("trees", ML_DOMAIN, "TreeEnsembleRegressor", List.of(INPUT), List.of(SCORE),
        TreeEnsembleNodes.of(ensemble).attributes()));

    initializers.add(floatTensor("zero", new long[0], 0f));
    initializers.add(int64Tensor("flat", new long[] {1}, -1L));
    nodes.add(node("positive", "", "Greater", List.of(SCORE, "zero"), List.of("is_positive")));
    nodes.add(node("to_int", "", "Cast", List.of("is_positive"), List.of("label_column"),
        attribute("to", (long) OnnxProto.INT64)));
    nodes.add(node("flatten", "", "Reshape", List.of("label_column", "flat"), List.of(LABEL)));

    if (ensemble.kind() == Ensemble.Kind.GBT) {
      nodes.add(node("sigmoid", "", "Sigmoid", List.of(SCORE), List.of(PROBABILITY)));
    } else {
      double total = 0;
      for (int t = 0; t < ensemble.theta(); t++) {
        total += ensemble.weights()[t];
      }
      // ½(1 + score/Σα) = ½ + score·(½/Σα); with no positive vote weight every row is a tie at ½
      float slope = total > 0 ? (float) (0.5 / total) : 0f;
      initializers.add(floatTensor("vote_slope", new long[0], slope));
      initializers.add(floatTensor("half", new long[0], 0.5f));
      nodes.add(node("scale", "", "Mul", List.of(SCORE, "vote_slope"), List.of("scaled_score")));
      nodes.add(node("shift", "", "Add", List.of("scaled_score", "half"), List.of(PROBABILITY)));
    }

    ProtoMessage graph = OnnxProto.graph("trustml_" + ensemble.kind().name().toLowerCase(), nodes, initializers,
        List.of(tensorValue(INPUT, OnnxProto.FLOAT, BATCH, (long) d)),
        List.of(tensorValue(SCORE, OnnxProto.FLOAT, BATCH, 1L),
            tensorValue(LABEL, OnnxProto.INT64, BATCH),
            tensorValue(PROBABILITY, OnnxProto.FLOAT, BATCH, 1L)));

    List<ProtoMessage> metadata = List.of(
        entry(KIND_KEY, ensemble.kind().name()),
        entry(THETA_KEY, Integer.toString(ensemble.theta())),
        entry(FEATURES_KEY, jsonArray(ensemble.featureNames())));

    return OnnxProto.model(IR_VERSION, List.of(opset("", ONNX_OPSET), opset(ML_DOMAIN, ONNX_ML_OPSET)),
        "trustml", producerVersion(), docString(ensemble), graph, metadata).toByteArray();
  }

  private static String docString(Ensemble ensemble) {
    String probability = ensemble.kind() == Ensemble.Kind.GBT ? "sigmoid(score)" : "(1 + score / sum(alpha)) / 2";
    return "trustml " + ensemble.kind() + " ensemble: the first " + ensemble.theta() + " of "
        + ensemble.trees().size() + " trees over " + ensemble.featureNames().size() + " features. Outputs: "
        + SCORE + ", " + LABEL + " = (score > 0), " + PROBABILITY + " = " + probability + ".";
  }

  private static String producerVersion() {
    String version = OnnxExport.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  static String jsonArray(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"");
      for (char c : values.get(i).toCharArray()) {
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          default -> {
            if (c < 0x20) {
              json.append(String.format("\\u%04x", (int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }
}
