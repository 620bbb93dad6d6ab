package org.trustml.core.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service gets without writing them: its own PostgreSQL schema for Flyway and the connection pool,
 * the platform's migrations, the actuator endpoints the manifests probe, graceful shutdown. A service's own
 * configuration overrides any of them.
 */
public class TrustmlEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String name = env.getProperty("trustml.service.name", "service");
    String schema = name.replace('-', '_');
    boolean jobs = env.getProperty("trustml.jobs.enabled", Boolean.class, true);
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("spring.application.name", name + "-service");
    defaults.put("spring.flyway.schemas", schema);
    defaults.put("spring.flyway.default-schema", schema);
    defaults.put("spring.flyway.locations", jobs ? "classpath:db/jobs,classpath:db/" + schema : "classpath:db/" + schema);
    defaults.put("spring.datasource.hikari.schema", schema);
    defaults.put("spring.datasource.hikari.maximum-pool-size", 12);
    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
    defaults.put("management.endpoint.health.probes.enabled", true);
    defaults.put("management.endpoint.health.show-details", "always");
    defaults.put("server.shutdown", "graceful");
    // every log line names the request and the job it belongs to, across the gateway and the services
    defaults.put("logging.pattern.level", "%5p [req=%X{requestId:-} job=%X{jobId:-}]");
    // the deployment's env names, for properties whose dashed names relaxed binding would not match
    defaults.put("trustml.internal-token", "${TRUSTML_INTERNAL_TOKEN:}");
    defaults.put("trustml.artifacts.s3.access-key", "${TRUSTML_ARTIFACTS_S3_ACCESS_KEY:}");
    defaults.put("trustml.artifacts.s3.secret-key", "${TRUSTML_ARTIFACTS_S3_SECRET_KEY:}");
    defaults.put("spring.servlet.multipart.max-file-size", "-1");
    defaults.put("spring.servlet.multipart.max-request-size", "-1");
    env.getPropertySources().addLast(new MapPropertySource("trustml-defaults", defaults));
  }
}
