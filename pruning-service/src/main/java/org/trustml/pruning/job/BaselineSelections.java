package org.trustml.pruning.job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trustml.pruning.baseline.Herding;
import org.trustml.pruning.baseline.KCenterGreedy;
import org.trustml.pruning.baseline.ModerateDs;

/**
 * The embedding-only baselines as {@code pruning.select} methods. CCS over a training-dynamics score and D2 need a
 * per-sample score (AUM, EL2N, forgetting) and arrive with the embed job that records one.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineSelections {

  @Bean
  SelectionMethod kcenterSelection() {
    return new BaselineSelection(new KCenterGreedy(), "k-center greedy (farthest-first traversal) in each class, "
        + "Euclidean, seeded first centre");
  }

  @Bean
  SelectionMethod herdingSelection() {
    return new BaselineSelection(new Herding(), "herding in each class: keeps the mean of the kept set closest to "
        + "the class mean; deterministic");
  }

  @Bean
  SelectionMethod moderateSelection() {
    return new BaselineSelection(ModerateDs.defaults(), "Moderate-DS in each class: distances to the class's "
        + "coordinate-wise median closest to the median distance");
  }
}
