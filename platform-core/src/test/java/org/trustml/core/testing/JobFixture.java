package org.trustml.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trustml.core.artifact.FileSystemArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.config.TrustmlProperties;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.JobHandlerRegistry;
import org.trustml.core.job.JobReaper;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobWorker;
import org.trustml.core.metrics.JobMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job machinery without Spring, on one schema of a real PostgreSQL database: what the concurrency and crash tests
 * (and a worker process they start) need to build workers that share a queue.
 */
public final class JobFixture {

  public static final String SCHEMA = "fixture";

  public final String jdbcUrl;
  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final JsonMapper json = JsonMapper.builder().build();
  public final JobRepository repository;
  public final FileSystemArtifactStore artifacts;

  public JobFixture(String jdbcUrl, java.nio.file.Path artifactRoot) {
    this.jdbcUrl = jdbcUrl;
    Flyway.configure().dataSource(jdbcUrl, EmbeddedDatabase.user(), EmbeddedDatabase.password())
        .schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/jobs").load().migrate();
    this.dataSource = EmbeddedDatabase.dataSource(jdbcUrl, SCHEMA);
    this.jdbc = JdbcClient.create(dataSource);
    this.repository = new JobRepository(jdbc, json, SCHEMA);
    try {
      this.artifacts = new FileSystemArtifactStore(
          artifactRoot != null ? artifactRoot : Files.createTempDirectory("artifacts"), 1L << 30);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TrustmlProperties.Worker workerConfig(String id, int threads, Duration lease, Duration heartbeat) {
    return new TrustmlProperties.Worker(true, threads, lease, heartbeat, Duration.ofMillis(50),
        Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(2), id);
  }

  public JobWorker worker(TrustmlProperties.Worker config, List<JobHandler<?>> handlers) {
    return new JobWorker(repository, new JobHandlerRegistry(handlers), json, artifacts, noCatalog(),
        new JobMetrics(new SimpleMeterRegistry(), SCHEMA), config);
  }

  public JobReaper reaper(long intervalMillis) {
    return new JobReaper(repository, new JobMetrics(new SimpleMeterRegistry(), SCHEMA), intervalMillis, 0);
  }

  /** Inserts a queued job directly. */
  public java.util.UUID enqueue(String type, String paramsJson) {
    java.util.UUID id = java.util.UUID.randomUUID();
    repository.insert(new JobRepository.NewJob(id, type, "tenant", paramsJson, 1L, 0, "0".repeat(64), null, 3));
    return id;
  }

  public String state(java.util.UUID id) {
    return jdbc.sql("SELECT state FROM job WHERE id = :id").param("id", id).query(String.class).single();
  }

  public int attempt(java.util.UUID id) {
    return jdbc.sql("SELECT attempt FROM job WHERE id = :id").param("id", id).query(Integer.class).single();
  }

  private static CatalogClient noCatalog() {
    return new CatalogClient() {
      @Override
      public org.trustml.core.catalog.DatasetDescriptor dataset(String owner, String id) {
        throw new UnsupportedOperationException("no catalog in this fixture");
      }

      @Override
      public org.trustml.core.catalog.ModelDescriptor model(String owner, String id) {
        throw new UnsupportedOperationException("no catalog in this fixture");
      }

      @Override
      public org.trustml.core.catalog.DatasetDescriptor registerDataset(
          org.trustml.core.catalog.DatasetRegistration registration) {
        throw new UnsupportedOperationException("no catalog in this fixture");
      }

      @Override
      public org.trustml.core.catalog.ModelDescriptor registerModel(
          org.trustml.core.catalog.ModelRegistration registration) {
        throw new UnsupportedOperationException("no catalog in this fixture");
      }
    };
  }
}
