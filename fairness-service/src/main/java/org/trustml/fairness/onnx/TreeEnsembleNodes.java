package org.trustml.fairness.onnx;

import static org.trustml.fairness.onnx.OnnxProto.attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustml.fairness.boost.Ensemble;
import org.trustml.fairness.boost.Tree;

/**
 * The first θ trees of an ensemble as the parallel node and target arrays of ONNX's {@code TreeEnsembleRegressor}
 * with one target: a tree's node {@code i} keeps its index as node id, the operator's "true" branch
 * ({@code x <= threshold}, {@code BRANCH_LEQ}) is the tree's {@code left}, and each leaf carries its whole
 * contribution to the score, so that the operator's {@code SUM} plus the base is the ensemble's score.
 */
final class TreeEnsembleNodes {

  private final List<ProtoMessage> attributes;

  private TreeEnsembleNodes(List<ProtoMessage> attributes) {
    this.attributes = attributes;
  }

  static TreeEnsembleNodes of(Ensemble ensemble) {
    int nodes = 0;
    int leaves = 0;
    for (int t = 0; t < ensemble.theta(); t++) {
      Tree tree = ensemble.trees().get(t);
      nodes += tree.nodes();
      leaves += (int) Arrays.stream(tree.feature()).filter(f -> f < 0).count();
    }
    long[] treeIds = new long[nodes];
    long[] nodeIds = new long[nodes];
    long[] featureIds = new long[nodes];
    float[] thresholds = new float[nodes];
    List<String> modes = new ArrayList<>(nodes);
    long[] trueIds = new long[nodes];
    long[] falseIds = new long[nodes];
    long[] targetTreeIds = new long[leaves];
    long[] targetNodeIds = new long[leaves];
    float[] targetWeights = new float[leaves];

    int d = ensemble.featureNames().size();
    int n = 0;
    int leaf = 0;
    for (int t = 0; t < ensemble.theta(); t++) {
      Tree tree = ensemble.trees().get(t);
      for (int i = 0; i < tree.nodes(); i++, n++) {
        treeIds[n] = t;
        nodeIds[n] = i;
        int feature = tree.feature()[i];
        if (feature >= 0) {
          checkBranch(tree, t, i, d);
          featureIds[n] = feature;
          thresholds[n] = tree.threshold()[i];
          modes.add("BRANCH_LEQ");
          trueIds[n] = tree.left()[i];
          falseIds[n] = tree.right()[i];
        } else {
          modes.add("LEAF");
          targetTreeIds[leaf] = t;
          targetNodeIds[leaf] = i;
          targetWeights[leaf] = (float) contribution(ensemble, t, tree.value()[i]);
          leaf++;
        }
      }
    }
    return new TreeEnsembleNodes(List.of(
        attribute("nodes_treeids", treeIds),
        attribute("nodes_nodeids", nodeIds),
        attribute("nodes_featureids", featureIds),
        attribute("nodes_values", thresholds),
        attribute("nodes_modes", modes),
        attribute("nodes_truenodeids", trueIds),
        attribute("nodes_falsenodeids", falseIds),
        // NaN fails x <= threshold in Java too, so missing values go to the false (right) branch
        attribute("nodes_missing_value_tracks_true", new long[nodes]),
        attribute("target_treeids", targetTreeIds),
        attribute("target_nodeids", targetNodeIds),
        attribute("target_ids", new long[leaves]),
        attribute("target_weights", targetWeights),
        attribute("n_targets", 1L),
        attribute("aggregate_function", "SUM"),
        attribute("post_transform", "NONE"),
        attribute("base_values", new float[] {(float) ensemble.base()})));
  }

  /** What a leaf adds to the score: ±α for an AdaBoost vote, weight × value for a GBT tree. */
  static double contribution(Ensemble ensemble, int tree, double leafValue) {
    double weight = ensemble.weights()[tree];
    return ensemble.kind() == Ensemble.Kind.ADABOOST ? (leafValue > 0.5 ? weight : -weight) : weight * leafValue;
  }

  ProtoMessage[] attributes() {
    return attributes.toArray(ProtoMessage[]::new);
  }

  private static void checkBranch(Tree tree, int t, int i, int featureCount) {
    int n = tree.nodes();
    int l = tree.left()[i];
    int r = tree.right()[i];
    // ONNX Runtime does not bound-check these at inference time, so a bad tree must not reach it
    if (tree.feature()[i] >= featureCount || l <= 0 || l >= n || r <= 0 || r >= n || l == i || r == i) {
      throw new IllegalArgumentException("tree " + t + " node " + i + " has feature " + tree.feature()[i]
          + " of " + featureCount + " and children " + l + ", " + r + " of " + n + " nodes");
    }
  }
}
