package org.trustml.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment names of docker-compose.yml and k8s/ reach the properties the code reads. */
class TrustmlPropertiesBindingTest {

  private static TrustmlProperties bind(Map<String, Object> env) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    new TrustmlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    return Binder.get(environment).bindOrCreate("trustml", TrustmlProperties.class);
  }

  @Test
  void deploymentEnvironmentNamesBind() {
    Map<String, Object> env = new HashMap<>();
    env.put("TRUSTML_SERVICE_NAME", "fairness");
    env.put("TRUSTML_INTERNAL_TOKEN", "tok");
    env.put("TRUSTML_ARTIFACTS_STORE", "s3");
    env.put("TRUSTML_ARTIFACTS_S3_ENDPOINT", "http://seaweedfs:8333");
    env.put("TRUSTML_ARTIFACTS_S3_BUCKET", "bucket");
    env.put("TRUSTML_ARTIFACTS_S3_REGION", "eu-west-1");
    env.put("TRUSTML_ARTIFACTS_S3_ACCESS_KEY", "access");
    env.put("TRUSTML_ARTIFACTS_S3_SECRET_KEY", "secret");
    env.put("TRUSTML_ARTIFACTS_FS_ROOT", "/var/lib/trustml/artifacts");
    env.put("TRUSTML_CATALOG_URL", "http://gateway-service:8080");
    env.put("TRUSTML_WORKER_THREADS", "3");
    env.put("TRUSTML_WORKER_LEASE", "90s");
    TrustmlProperties p = bind(env);
    assertThat(p.service().name()).isEqualTo("fairness");
    assertThat(p.service().schema()).isEqualTo("fairness");
    assertThat(p.internalToken()).isEqualTo("tok");
    assertThat(p.artifacts().store()).isEqualTo("s3");
    assertThat(p.artifacts().s3().endpoint().toString()).isEqualTo("http://seaweedfs:8333");
    assertThat(p.artifacts().s3().bucket()).isEqualTo("bucket");
    assertThat(p.artifacts().s3().region()).isEqualTo("eu-west-1");
    assertThat(p.artifacts().s3().accessKey()).isEqualTo("access");
    assertThat(p.artifacts().s3().secretKey()).isEqualTo("secret");
    assertThat(p.artifacts().fs().root().toString()).isEqualTo("/var/lib/trustml/artifacts");
    assertThat(p.catalog().url().toString()).isEqualTo("http://gateway-service:8080");
    assertThat(p.worker().effectiveThreads()).isEqualTo(3);
    assertThat(p.worker().lease()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void defaultsNeedNoEnvironment() {
    TrustmlProperties p = bind(new HashMap<>());
    assertThat(p.internalToken()).isEmpty();
    assertThat(p.artifacts().store()).isEqualTo("fs");
    assertThat(p.worker().lease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.worker().heartbeat()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.jobs().maxAttempts()).isEqualTo(3);
  }

  @Test
  void aDashedServiceNameGetsAnUnderscoredSchema() {
    Map<String, Object> env = new HashMap<>();
    env.put("TRUSTML_SERVICE_NAME", "multi-task");
    assertThat(bind(env).service().schema()).isEqualTo("multi_task");
  }
}
