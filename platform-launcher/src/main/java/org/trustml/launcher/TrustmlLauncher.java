package org.trustml.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./trustml up}: starts PostgreSQL (embedded, data under {@code var/}), every method service that has been
 * built, and the gateway on :8080, all sharing the filesystem artifact store under {@code var/artifacts}. Ctrl-C
 * stops the services gracefully, then the database.
 *
 * <p>Options: {@code --root DIR} (repository root, default the working directory), {@code --db-port N}
 * (default 54329).
 */
public final class TrustmlLauncher {

  private TrustmlLauncher() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(option(args, "--root").orElse(".")).toAbsolutePath().normalize();
    int dbPort = Integer.parseInt(option(args, "--db-port").orElse("54329"));
    Path var = root.resolve("var");
    Path logs = Files.createDirectories(var.resolve("logs"));
    String internalToken = persistentSecret(var.resolve("internal-token"));

    System.out.println("trustml: starting PostgreSQL (data in " + var.resolve("postgres") + ")");
    LocalDatabase db = LocalDatabase.start(var.resolve("postgres"), dbPort);

    Map<String, String> common = new HashMap<>();
    common.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
    common.put("SPRING_DATASOURCE_USERNAME", "postgres");
    common.put("SPRING_DATASOURCE_PASSWORD", "postgres");
    common.put("TRUSTML_ARTIFACTS_STORE", "fs");
    common.put("TRUSTML_ARTIFACTS_FS_ROOT", var.resolve("artifacts").toString());
    common.put("TRUSTML_INTERNAL_TOKEN", internalToken);

    List<ServiceProcess> running = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\ntrustml: stopping");
      for (int i = running.size() - 1; i >= 0; i--) {
        running.get(i).stop(Duration.ofSeconds(20));
      }
      try {
        db.close();
      } catch (IOException e) {
        System.err.println("trustml: PostgreSQL did not stop cleanly: " + e);
      }
      System.out.println("trustml: stopped");
      stopped.countDown();
    }, "trustml-shutdown"));

    Map<String, String> gatewayEnv = new HashMap<>(common);
    for (ServiceSpec spec : ServiceSpec.METHOD_SERVICES) {
      Optional<Path> jar = execJar(root, spec);
      if (jar.isEmpty()) {
        continue;
      }
      Map<String, String> env = new HashMap<>(common);
      env.put("SERVER_PORT", Integer.toString(spec.port()));
      env.put("TRUSTML_CATALOG_URL", "http://localhost:" + ServiceSpec.GATEWAY.port());
      running.add(ServiceProcess.start(spec, jar.get(), env, logs));
      gatewayEnv.put("TRUSTML_GATEWAY_SERVICES_" + spec.envName(), "http://localhost:" + spec.port());
      System.out.println("trustml: starting " + spec.module() + " on :" + spec.port());
    }
    Path gatewayJar = execJar(root, ServiceSpec.GATEWAY).orElseThrow(() -> new IllegalStateException(
        "gateway-service is not built; run ./mvnw -DskipTests package first (./trustml up does)"));
    gatewayEnv.put("SERVER_PORT", Integer.toString(ServiceSpec.GATEWAY.port()));
    ServiceProcess gateway = ServiceProcess.start(ServiceSpec.GATEWAY, gatewayJar, gatewayEnv, logs);
    running.add(gateway);
    System.out.println("trustml: starting gateway-service on :" + ServiceSpec.GATEWAY.port());

    for (ServiceProcess p : running) {
      if (!p.awaitHealthy(Duration.ofMinutes(3))) {
        System.err.println("trustml: " + p.spec().module() + " did not become healthy; see " + p.log());
        System.exit(1);
      }
      System.out.println("trustml: " + p.spec().module() + " is up (log: " + p.log() + ")");
    }
    System.out.println("trustml: ready at http://localhost:" + ServiceSpec.GATEWAY.port()
        + "  (Swagger UI: /swagger-ui.html, OpenAPI: /v3/api-docs); Ctrl-C stops");
    stopped.await();
  }

  static Optional<Path> execJar(Path root, ServiceSpec spec) throws IOException {
    Path target = root.resolve(spec.module()).resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, spec.module() + "-*-exec.jar")) {
      for (Path jar : jars) {
        return Optional.of(jar);
      }
    }
    return Optional.empty();
  }

  /** A random secret kept in a file, so restarts keep the same one. */
  static String persistentSecret(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    Files.writeString(file, secret);
    file.toFile().setReadable(false, false);
    file.toFile().setReadable(true, true);
    return secret;
  }

  private static Optional<String> option(String[] args, String name) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Optional.of(args[i + 1]);
      }
    }
    return Optional.empty();
  }
}
