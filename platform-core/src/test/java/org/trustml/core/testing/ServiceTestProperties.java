package org.trustml.core.testing;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What a service's Spring test needs to run on the platform: a fresh database, an artifact root, a quick worker. */
public final class ServiceTestProperties {

  private ServiceTestProperties() {}

  /** Call from a {@code @DynamicPropertySource} method; {@code artifacts} is a per-class temporary directory. */
  public static void register(DynamicPropertyRegistry r, Path artifacts) {
    r.add("spring.datasource.url", EmbeddedDatabase::newDatabase);
    r.add("spring.datasource.username", EmbeddedDatabase::user);
    r.add("spring.datasource.password", EmbeddedDatabase::password);
    r.add("trustml.artifacts.fs.root", artifacts::toString);
    r.add("trustml.worker.poll", () -> "100ms");
  }
}
