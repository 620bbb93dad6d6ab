package org.trustml.fairness.metrics;

import java.util.List;

/**
 * One stage of a sequential pipeline, evaluated only on the rows that passed every earlier stage.
 *
 * @param stage            1-based position
 * @param reached          rows that reached the stage
 * @param passed           of those, rows the stage passed (ŷ = 1)
 * @param gaps             one per attribute
 * @param drivingAttribute the attribute with the largest defined gap at this stage
 * @param maxGap           that gap (NaN when no attribute has one)
 * @param flags            {@code no-rows-reached}
 */
public record StageView(int stage, String name, long reached, long passed, List<StageGap> gaps,
    String drivingAttribute, double maxGap, List<String> flags) {

  public static final String FLAG_NO_ROWS_REACHED = "no-rows-reached";

  public StageView {
    gaps = List.copyOf(gaps);
    flags = List.copyOf(flags);
  }
}
