package org.trustml.fairness.reductions;

/**
 * Predicts one class for every row; the oracle's answer when the relabelled data hold a single class (Fairlearn
 * uses a dummy classifier there too, so a learner never sees one-class data).
 */
record ConstantClassifier(int label) implements Classifier {

  @Override
  public double score(float[] rows, int offset) {
    return label;
  }

  @Override
  public int predict(float[] rows, int offset) {
    return label;
  }
}
