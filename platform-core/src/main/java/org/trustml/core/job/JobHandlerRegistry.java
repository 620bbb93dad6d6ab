package org.trustml.core.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The job types one service runs, found among its {@link JobHandler} beans. */
public class JobHandlerRegistry {

  private final Map<String, JobHandler<?>> byType;

  public JobHandlerRegistry(List<JobHandler<?>> handlers) {
    this.byType = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::type, Function.identity(),
        (a, b) -> {
          throw new IllegalStateException("two handlers for job type " + a.type());
        }));
  }

  public Optional<JobHandler<?>> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Set<String> types() {
    return byType.keySet();
  }
}
