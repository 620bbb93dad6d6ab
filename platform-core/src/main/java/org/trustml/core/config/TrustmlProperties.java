package org.trustml.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings every trustml service shares, under {@code trustml.*}.
 *
 * @param service which service this is; its name is the URL segment and the database schema
 * @param internalToken shared secret the gateway sends to services and services send to the gateway's internal
 *     API; empty disables the check (tests, a single process)
 */
@ConfigurationProperties("trustml")
public record TrustmlProperties(
    @DefaultValue Service service,
    @DefaultValue Artifacts artifacts,
    @DefaultValue Jobs jobs,
    @DefaultValue Worker worker,
    @DefaultValue Catalog catalog,
    @DefaultValue("") String internalToken) {

  /** @param name e.g. {@code pruning}; jobs live under {@code /api/v1/<name>/jobs} and in schema {@code <name>} */
  public record Service(@DefaultValue("service") String name) {

    /** The PostgreSQL schema that holds this service's tables. */
    public String schema() {
      return name.replace('-', '_');
    }
  }

  /** @param store {@code fs} (default) or {@code s3} */
  public record Artifacts(
      @DefaultValue("fs") String store,
      @DefaultValue("2GB") DataSize maxSize,
      @DefaultValue Fs fs,
      @DefaultValue S3 s3) {}

  public record Fs(@DefaultValue("var/artifacts") Path root) {}

  public record S3(
      URI endpoint,
      @DefaultValue("trustml") String bucket,
      @DefaultValue("us-east-1") String region,
      String accessKey,
      String secretKey) {}

  /** @param enabled whether this application has job tables and the jobs API (the gateway does not) */
  public record Jobs(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts) {}

  /**
   * @param enabled whether this replica runs jobs (an API-only replica sets false)
   * @param threads concurrent jobs on this replica; 0 means max(1, cores - 1)
   * @param lease how long a claim holds without a heartbeat
   * @param heartbeat how often a running job renews its lease
   * @param poll how often an idle worker looks for work, and how often cancellations are checked
   * @param reaperInterval how often expired leases are taken back
   * @param retryBackoff delay before a requeued job may run again, doubled per attempt (at most 10 minutes)
   * @param shutdownGrace how long a stopping worker waits for its jobs before handing them back
   * @param id worker id; generated when empty
   */
  public record Worker(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0") int threads,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("20s") Duration heartbeat,
      @DefaultValue("1s") Duration poll,
      @DefaultValue("15s") Duration reaperInterval,
      @DefaultValue("10s") Duration retryBackoff,
      @DefaultValue("10s") Duration shutdownGrace,
      @DefaultValue("") String id) {

    public int effectiveThreads() {
      return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
  }

  /** @param url base URL of the gateway, whose internal API resolves dataset and model references */
  public record Catalog(@DefaultValue("http://localhost:8080") URI url) {}
}
