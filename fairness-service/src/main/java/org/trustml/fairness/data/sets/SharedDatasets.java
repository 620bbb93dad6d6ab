package org.trustml.fairness.data.sets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of public datasets the tests and benchmarks read: the system property {@code trustml.datasets.dir}, else
 * {@code ../shared/datasets} (from the repository root) or {@code ../../shared/datasets} (from a module).
 */
public final class SharedDatasets {

  private SharedDatasets() {}

  /** The folder holding {@code relative} (e.g. {@code adult/adult.data}), if one of the candidates has it. */
  public static Optional<Path> rootWith(String relative) {
    for (Path root : candidates()) {
      if (Files.isRegularFile(root.resolve(relative))) {
        return Optional.of(root);
      }
    }
    return Optional.empty();
  }

  /** The folder of one dataset (e.g. {@code adult}), if one of the candidates has it. */
  public static Optional<Path> find(String dataset) {
    for (Path root : candidates()) {
      Path dir = root.resolve(dataset);
      if (Files.isDirectory(dir)) {
        return Optional.of(dir.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** Where the folder was looked for, for a skip message. */
  public static List<Path> candidates() {
    List<Path> roots = new ArrayList<>();
    String configured = System.getProperty("trustml.datasets.dir");
    if (configured != null && !configured.isBlank()) {
      roots.add(Path.of(configured));
    }
    roots.add(Path.of("../shared/datasets"));
    roots.add(Path.of("../../shared/datasets"));
    return roots;
  }
}
