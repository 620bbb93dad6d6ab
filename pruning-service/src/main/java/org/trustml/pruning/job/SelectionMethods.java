package org.trustml.pruning.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The {@link SelectionMethod} beans by name. */
@Component
public class SelectionMethods {

  private final Map<String, SelectionMethod> byName = new TreeMap<>();

  public SelectionMethods(List<SelectionMethod> methods) {
    for (SelectionMethod m : methods) {
      if (byName.put(m.name(), m) != null) {
        throw new IllegalStateException("two selection methods named " + m.name());
      }
    }
  }

  public Optional<SelectionMethod> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every method, by name. */
  public List<SelectionMethod> all() {
    return List.copyOf(byName.values());
  }
}
