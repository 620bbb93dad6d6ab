package org.trustml.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.trustml.core.testing.ServiceTestProperties;

/** The service starts on the platform (PostgreSQL, artifact store, worker) and serves its job API as "pruning". */
@SpringBootTest(classes = PruningApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PruningApplicationTest {

  @TempDir static Path artifacts;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    ServiceTestProperties.register(r, artifacts);
  }

  @LocalServerPort int port;

  @Test
  void startsHealthyWithItsJobApiUnderPruning() {
    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();

    assertThat(http.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(http.get().uri("/api/v1/pruning/job-types").retrieve().toEntity(String.class).getStatusCode()
        .value()).isEqualTo(200);
  }
}
