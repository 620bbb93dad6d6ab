package org.trustml.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document, from which the Java client is generated at build time, must be the one the
 * running gateway serves. After an API change, regenerate it with {@code -Dopenapi.update=true}.
 */
class OpenApiDocumentTest {

  static final Path COMMITTED = Path.of("src/main/openapi/trustml-api.json");

  @Test
  void theCommittedDocumentIsWhatTheGatewayServes() throws Exception {
    PlatformFixture platform = PlatformFixture.get();
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    JsonNode live = RestClient.create(platform.gatewayUrl()).get().uri("/v3/api-docs").retrieve()
        .body(JsonNode.class);
    String liveText = json.writeValueAsString(json.treeToValue(live, Object.class)) + "\n";
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(COMMITTED, liveText);
    }
    assertThat(Files.readString(COMMITTED))
        .as("the API changed: regenerate %s with -Dopenapi.update=true and commit it", COMMITTED)
        .isEqualTo(liveText);
  }
}
