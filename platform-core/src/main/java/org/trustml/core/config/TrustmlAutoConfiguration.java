package org.trustml.core.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.artifact.FileSystemArtifactStore;
import org.trustml.core.artifact.S3ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.catalog.HttpCatalogClient;
import org.trustml.core.job.JobEventStream;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.JobHandlerRegistry;
import org.trustml.core.job.JobReaper;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobService;
import org.trustml.core.job.JobWorker;
import org.trustml.core.job.api.JobController;
import org.trustml.core.json.FiniteNumbersModule;
import org.trustml.core.metrics.JobMetrics;
import org.trustml.core.web.InternalTokenFilter;
import org.trustml.core.web.ProblemHandler;
import org.trustml.core.web.ProblemWriter;
import org.trustml.core.web.RequestIdFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service gets by depending on platform-core: the artifact store, the catalog client, problem details,
 * request ids and, unless {@code trustml.jobs.enabled=false}, the jobs API with workers and a reaper for every
 * {@link JobHandler} bean it declares.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(TrustmlProperties.class)
@Import(ProblemHandler.class)
public class TrustmlAutoConfiguration {

  static {
    // free-form JSON (job parameters, results) is "any object" in the OpenAPI documents, not a JsonNode class
    SpringDocUtils.getConfig()
        .replaceWithClass(tools.jackson.databind.JsonNode.class, Object.class);
  }

  @Bean
  @ConditionalOnMissingBean
  ArtifactStore artifactStore(TrustmlProperties props) throws IOException {
    TrustmlProperties.Artifacts a = props.artifacts();
    long max = a.maxSize().toBytes();
    return switch (a.store()) {
      case "fs" -> new FileSystemArtifactStore(a.fs().root(), max);
      case "s3" -> {
        if (a.s3().endpoint() == null) {
          throw new IllegalStateException("trustml.artifacts.store=s3 needs trustml.artifacts.s3.endpoint");
        }
        S3ArtifactStore s3 = S3ArtifactStore.create(a.s3().endpoint(), a.s3().region(), a.s3().accessKey(),
            a.s3().secretKey(), a.s3().bucket(), max);
        s3.ensureBucket();
        yield s3;
      }
      default -> throw new IllegalStateException(
          "trustml.artifacts.store must be fs or s3, was '" + a.store() + "'");
    };
  }

  @Bean
  JsonMapperBuilderCustomizer finiteNumbers() {
    return builder -> builder.addModule(new FiniteNumbersModule());
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> reg = new FilterRegistrationBean<>(new RequestIdFilter());
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return reg;
  }

  @Bean
  @ConditionalOnMissingBean
  CatalogClient catalogClient(RestClient.Builder builder, TrustmlProperties props) {
    return new HttpCatalogClient(builder, props.catalog().url(), props.internalToken());
  }

  /** The jobs machinery of a method service. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "trustml.jobs.enabled", havingValue = "true", matchIfMissing = true)
  @Import(JobController.class)
  static class Jobs {

    @Bean
    JobMetrics jobMetrics(ObjectProvider<MeterRegistry> registry, TrustmlProperties props) {
      return new JobMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), props.service().name());
    }

    @Bean
    JobRepository jobRepository(JdbcClient jdbc, JsonMapper json, TrustmlProperties props) {
      return new JobRepository(jdbc, json, props.service().name());
    }

    @Bean
    JobHandlerRegistry jobHandlerRegistry(ObjectProvider<JobHandler<?>> handlers) {
      // a service may have no job types yet (only synchronous endpoints): an empty registry, not a failure
      return new JobHandlerRegistry(handlers.orderedStream().toList());
    }

    @Bean
    JobWorker jobWorker(JobRepository repository, JobHandlerRegistry handlers, JsonMapper json,
        ArtifactStore artifacts, CatalogClient catalog, JobMetrics metrics, TrustmlProperties props) {
      return new JobWorker(repository, handlers, json, artifacts, catalog, metrics, props.worker());
    }

    @Bean
    JobService jobService(JobRepository repository, JobHandlerRegistry handlers, JsonMapper json,
        Validator validator, JobMetrics metrics, TrustmlProperties props, JobWorker worker, CatalogClient catalog,
        ArtifactStore artifacts) {
      return new JobService(repository, handlers, json, validator, metrics, props.jobs().maxAttempts(),
          worker::wake, catalog, artifacts);
    }

    @Bean
    JobReaper jobReaper(JobRepository repository, JobMetrics metrics, TrustmlProperties props) {
      return new JobReaper(repository, metrics, props.worker().reaperInterval().toMillis(),
          props.worker().retryBackoff().toMillis());
    }

    @Bean(destroyMethod = "close")
    JobEventStream jobEventStream(JobRepository repository) {
      return new JobEventStream(repository, 250);
    }

    @Bean
    SmartLifecycle jobWorkerLifecycle(JobWorker worker, JobReaper reaper, TrustmlProperties props) {
      return new WorkerLifecycle(worker, reaper, props.worker().enabled());
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(TrustmlProperties props, ProblemWriter writer) {
      if (props.internalToken().isEmpty()) {
        LoggerFactory.getLogger(TrustmlAutoConfiguration.class).warn("trustml.internal-token is not set: this "
            + "service answers anyone who reaches its port, as any tenant; set TRUSTML_INTERNAL_TOKEN outside tests");
      }
      // everything but the probes and metrics: deny by default, so no path spelling gets around the check
      FilterRegistrationBean<InternalTokenFilter> reg = new FilterRegistrationBean<>(new InternalTokenFilter(
          props.internalToken(), path -> !path.startsWith("/actuator/"), true, writer));
      reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return reg;
    }
  }

  /** Starts the worker and reaper once the application is up; stops the worker first at shutdown. */
  static final class WorkerLifecycle implements SmartLifecycle {

    private final JobWorker worker;
    private final JobReaper reaper;
    private final boolean enabled;
    private volatile boolean running;

    WorkerLifecycle(JobWorker worker, JobReaper reaper, boolean enabled) {
      this.worker = worker;
      this.reaper = reaper;
      this.enabled = enabled;
    }

    @Override
    public void start() {
      reaper.start();
      if (enabled) {
        worker.start();
      }
      running = true;
    }

    @Override
    public void stop() {
      worker.stop();
      reaper.stop();
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}
