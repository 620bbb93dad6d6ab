package org.trustml.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings under {@code trustml.gateway}.
 *
 * @param services method services by name (the URL segment after {@code /api/v1/}) and their base URLs
 * @param maxRequestSize largest body proxied to a service
 * @param maxUploadSize largest body of a POST to one of {@code uploadPaths}
 * @param uploadPaths exact paths whose POST bodies are uploads (datasets, models, a method service's bulk inputs such
 *     as fhe-service's evaluation keys and ciphertext batches) and may reach {@code maxUploadSize}
 * @param defaultRatePerMinute requests a key may make per minute unless the key says otherwise
 * @param corsAllowedOrigins origins browsers may call from
 * @param adminKey bootstrap admin key; generated and printed once when empty and no admin key exists
 */
@ConfigurationProperties("trustml.gateway")
public record GatewayProperties(
    @DefaultValue Map<String, URI> services,
    @DefaultValue("64MB") DataSize maxRequestSize,
    @DefaultValue("2GB") DataSize maxUploadSize,
    @DefaultValue({"/api/v1/datasets", "/api/v1/models", "/api/v1/fhe/keysets", "/api/v1/fhe/ciphertexts"})
    List<String> uploadPaths,
    @DefaultValue("600") int defaultRatePerMinute,
    @DefaultValue("*") List<String> corsAllowedOrigins,
    @DefaultValue("") String adminKey) {}
