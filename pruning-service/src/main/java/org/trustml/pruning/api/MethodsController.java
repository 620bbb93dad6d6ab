package org.trustml.pruning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustml.pruning.job.LocalSettings;
import org.trustml.pruning.job.ManifoldSettings;
import org.trustml.pruning.job.SelectionMethod;
import org.trustml.pruning.job.SelectionMethods;

/**
 * What the pruning jobs accept: the selection methods that need no scores (the {@code method} of
 * {@code pruning.select}), the strategies for a selection from scores, and the score switches with their defaults.
 */
@RestController
@RequestMapping("/api/v1/pruning")
@Tag(name = "pruning")
class MethodsController {

  private final SelectionMethods methods;

  MethodsController(SelectionMethods methods) {
    this.methods = methods;
  }

  record Method(String name, String summary) {}

  /**
   * @param methods    {@code method} values of {@code pruning.select}
   * @param strategies {@code strategy} values of a selection from a {@code pruning.score} job's scores
   * @param manifold   the score job's manifold switches with their defaults
   * @param local      the score job's local-score switches with their defaults
   */
  record Methods(List<Method> methods, List<String> strategies, ManifoldSettings manifold, LocalSettings local) {}

  @GetMapping("/methods")
  @Operation(operationId = "listPruningMethods", summary = "Selection methods, strategies and score switches with "
      + "their defaults")
  Methods methods() {
    return new Methods(methods.all().stream().map(m -> new Method(m.name(), m.summary())).toList(),
        List.of("ccs", "topk", "bottomk", "d2"), ManifoldSettings.defaultSettings(), LocalSettings.defaultSettings());
  }
}
