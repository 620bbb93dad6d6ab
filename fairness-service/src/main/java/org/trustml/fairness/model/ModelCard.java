package org.trustml.fairness.model;

import java.util.List;
import java.util.Map;
import org.trustml.fairness.explain.Explanation;

/**
 * A model's card, as JSON beside it and in the catalog: the data and attributes it was trained on, the point of the
 * front it uses and why, what it measures on held-out data, the verified ONNX export, and a readable account of its
 * trade-off.
 *
 * @param name the model's catalog name
 * @param method e.g. {@code MMM-Fair (AdaBoost), EO, intersectional}
 * @param data where the training and test rows came from
 * @param attributes the protected attributes and their groups
 * @param choice the chosen point of the front
 * @param selectionObjectives the chosen candidate's objectives where it was selected
 * @param testObjectives the same objectives on the test set; null without one
 * @param onnx the exported file and its check against the Java model
 * @param explanation what the model trades, from the numbers above
 */
public record ModelCard(String name, String method, DataFacts data, List<AttributeFacts> attributes, Choice choice,
    Map<String, Double> selectionObjectives, Map<String, Double> testObjectives, OnnxFacts onnx,
    Explanation explanation) {

  /** The same card with another wording of its explanation. */
  public ModelCard withExplanation(Explanation e) {
    return new ModelCard(name, method, data, attributes, choice, selectionObjectives, testObjectives, onnx, e);
  }

  /**
   * @param dataset the training dataset's catalog id
   * @param testDataset the test dataset's catalog id, or null
   * @param trainingRows rows used to train
   * @param droppedRows rows left out for missing values
   * @param testRows rows of the test set, 0 without one
   * @param label the label column and its positive value
   * @param features the number of encoded features
   */
  public record DataFacts(String dataset, String testDataset, long trainingRows, long droppedRows, long testRows,
      String label, int features) {}

  /**
   * @param name the column
   * @param groups its values (or bands) with their training row counts
   * @param nonProtected the rule of its binary view
   */
  public record AttributeFacts(String name, Map<String, Long> groups, String nonProtected) {}

  /**
   * @param theta learners used
   * @param learners learners trained
   * @param rule how θ was chosen
   * @param selectedOn where the candidates were measured
   * @param front θ of every candidate on the front
   * @param hypervolume the front's hypervolume
   */
  public record Choice(int theta, int learners, String rule, String selectedOn, int[] front, double hypervolume) {}

  /**
   * @param sha256 the exported file's digest
   * @param rowsChecked rows predicted by ONNX Runtime and by the Java model
   * @param agreeing rows where both gave the same class
   * @param maxScoreDifference the largest difference of the two scores
   */
  public record OnnxFacts(String sha256, long rowsChecked, long agreeing, double maxScoreDifference) {}
}
