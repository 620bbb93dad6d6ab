package org.trustml.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.e2e.service.E2eServiceApplication;
import org.trustml.fairness.FairnessApplication;
import org.trustml.fhe.FheApplication;
import org.trustml.gateway.GatewayApplication;
import org.trustml.pruning.PruningApplication;

/**
 * The platform as the end-to-end tests see it: a real PostgreSQL, the filesystem store, four method services (the
 * test service {@code demo} and the real {@code fairness}, {@code pruning} and {@code fhe} services) and the gateway in
 * front of them, wired as the
 * launcher wires them. One per JVM. Each service context gets a config name of its own, so that it does not read the
 * gateway's {@code application.yml} from the shared classpath.
 */
final class PlatformFixture {

  static final String ADMIN_KEY = "e2e-admin-key-0123456789abcdef";
  static final String SERVICE = "demo";
  static final String FAIRNESS = "fairness";
  static final String PRUNING = "pruning";
  static final String FHE = "fhe";
  /** The gateway's upload limit: a batch of 49 ciphertexts at N = 2^13 (fhe's end-to-end test) is about 7 MB. */
  static final int MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

  private static PlatformFixture shared;

  final int gatewayPort;
  final int servicePort;
  final int fairnessPort;
  final int pruningPort;
  final int fhePort;
  private final ConfigurableApplicationContext service;
  private final ConfigurableApplicationContext fairness;
  private final ConfigurableApplicationContext pruning;
  private final ConfigurableApplicationContext fhe;
  private final ConfigurableApplicationContext gateway;

  private PlatformFixture() throws IOException {
    String db = EmbeddedDatabase.newDatabase();
    Path artifacts = Files.createTempDirectory("e2e-artifacts");
    gatewayPort = freePort();
    servicePort = freePort();
    fairnessPort = freePort();
    pruningPort = freePort();
    fhePort = freePort();
    String[] common = {"--spring.datasource.url=" + db, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--trustml.artifacts.fs.root=" + artifacts,
        "--trustml.internal-token=e2e-internal-token", "--spring.main.banner-mode=off"};
    service = new SpringApplicationBuilder(E2eServiceApplication.class).run(concat(common,
        "--spring.config.name=e2e-service", "--server.port=" + servicePort, "--trustml.service.name=" + SERVICE,
        "--trustml.catalog.url=http://localhost:" + gatewayPort, "--trustml.worker.poll=100ms"));
    fairness = new SpringApplicationBuilder(FairnessApplication.class).run(concat(common,
        "--spring.config.name=e2e-fairness", "--server.port=" + fairnessPort, "--trustml.service.name=" + FAIRNESS,
        "--trustml.catalog.url=http://localhost:" + gatewayPort, "--trustml.worker.poll=100ms"));
    pruning = new SpringApplicationBuilder(PruningApplication.class).run(concat(common,
        "--spring.config.name=e2e-pruning", "--server.port=" + pruningPort, "--trustml.service.name=" + PRUNING,
        "--trustml.catalog.url=http://localhost:" + gatewayPort, "--trustml.worker.poll=100ms",
        "--trustml.pruning.threads=2"));
    fhe = new SpringApplicationBuilder(FheApplication.class).run(concat(common,
        "--spring.config.name=e2e-fhe", "--server.port=" + fhePort, "--trustml.service.name=" + FHE,
        "--trustml.catalog.url=http://localhost:" + gatewayPort, "--trustml.worker.poll=100ms",
        // the gateway's jar on this shared classpath switches multipart parsing off in every context (Spring Cloud
        // Gateway's MultipartEnvironmentPostProcessor); fhe's key-set upload is multipart, as in its own deployment
        "--spring.servlet.multipart.enabled=true"));
    gateway = new SpringApplicationBuilder(GatewayApplication.class).run(concat(common,
        "--server.port=" + gatewayPort, "--trustml.gateway.admin-key=" + ADMIN_KEY,
        "--trustml.gateway.services." + SERVICE + "=http://localhost:" + servicePort,
        "--trustml.gateway.services." + FAIRNESS + "=http://localhost:" + fairnessPort,
        "--trustml.gateway.services." + PRUNING + "=http://localhost:" + pruningPort,
        "--trustml.gateway.services." + FHE + "=http://localhost:" + fhePort,
        "--trustml.gateway.max-request-size=64KB", "--trustml.gateway.max-upload-size=" + MAX_UPLOAD_BYTES + "B"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      fhe.close();
      pruning.close();
      fairness.close();
      service.close();
    }));
  }

  static synchronized PlatformFixture get() throws IOException {
    if (shared == null) {
      shared = new PlatformFixture();
    }
    return shared;
  }

  String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
