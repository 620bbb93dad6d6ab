package org.trustml.fairness.multitask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the shared datasets are: system property {@code trustml.datasets.dir}, then {@code ../shared/datasets} or
 * {@code ../../shared/datasets} relative to the working directory (a module's tests run in the module).
 */
public final class DatasetLocation {

  /** The system property that names the datasets directory. */
  public static final String PROPERTY = "trustml.datasets.dir";

  private DatasetLocation() {}

  /** The directory of one dataset (e.g. {@code adult}), if it exists. */
  public static Optional<Path> find(String dataset) {
    String configured = System.getProperty(PROPERTY);
    List<Path> candidates = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      candidates.add(Paths.get(configured));
    }
    candidates.add(Paths.get("../shared/datasets"));
    candidates.add(Paths.get("../../shared/datasets"));
    for (Path base : candidates) {
      Path dir = base.resolve(dataset);
      if (Files.isDirectory(dir)) {
        return Optional.of(dir.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }
}
