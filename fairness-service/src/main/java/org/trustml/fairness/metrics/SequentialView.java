package org.trustml.fairness.metrics;

import java.util.List;

/**
 * Sequential discrimination: different grounds at different stages of a pipeline (screening, interview, offer).
 * Stage s is evaluated only on the rows that passed stages 1…s−1; its gap per attribute and the attribute driving
 * it show where each ground acts, and the pass-through shows what the stages do together.
 *
 * @param metric                    the per-stage metric (selection rate, the stage's pass rate, by default)
 * @param endToEndDrivingAttribute the attribute with the largest pass-through difference
 */
public record SequentialView(String metric, int minSupport, List<StageView> stages, List<PassThrough> passThrough,
    String endToEndDrivingAttribute) {

  public SequentialView {
    stages = List.copyOf(stages);
    passThrough = List.copyOf(passThrough);
  }
}
