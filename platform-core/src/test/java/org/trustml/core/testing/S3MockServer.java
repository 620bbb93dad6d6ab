package org.trustml.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 server for tests: S3Mock's standalone Spring Boot jar run as a separate {@code java -jar} process, so
 * its dependencies (its own Spring Boot, Jackson, Tomcat) never meet the classpath of the code under test.
 *
 * <p>The jar is copied to {@code platform-core/target/servers/s3mock.jar} by platform-core's
 * {@code generate-test-resources} phase; it is found through the system property {@value #JAR_PROPERTY} or by
 * walking up from the working directory. The server listens on plain HTTP on a free port of the loopback interface,
 * keeps its objects in a fresh temp directory and logs to {@code target/s3mock-<port>.log}.
 *
 * <p>Use {@link #shared()} for one server per JVM (started on first use, stopped by a shutdown hook), with a fresh
 * bucket per test class; or {@link #start} for a private one that the caller {@link #close() closes}.
 */
public final class S3MockServer implements AutoCloseable {

  /** System property with the path of S3Mock's {@code exec} jar, overriding the search. */
  public static final String JAR_PROPERTY = "trustml.s3mock.jar";

  /** System property with a {@code java} executable to run S3Mock with, instead of this JVM's. */
  public static final String JAVA_PROPERTY = "trustml.s3mock.java";

  private static final String REGION = "us-east-1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private static S3MockServer shared;

  private final Process process;
  private final int port;
  private final Path root;
  private final Path log;
  private volatile Duration startupTime = Duration.ZERO;

  private S3MockServer(Process process, int port, Path root, Path log) {
    this.process = process;
    this.port = port;
    this.root = root;
    this.log = log;
  }

  /**
   * The JVM-wide server, started on first call and stopped when the JVM exits. Tests create their own bucket on it
   * rather than relying on initial buckets, so classes do not see each other's objects.
   */
  public static synchronized S3MockServer shared() {
    if (shared == null) {
      S3MockServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3mock-shutdown"));
      shared = server;
    }
    return shared;
  }

  /**
   * Starts a private server; the caller closes it.
   *
   * @param initialBuckets buckets S3Mock creates at start-up (on the first request, as its store is lazy)
   */
  public static S3MockServer start(String... initialBuckets) {
    Path jar = findJar();
    IllegalStateException failure = null;
    // the free port is probed and then released before S3Mock binds it, so another process may take it meanwhile:
    // retry with a new port when the server dies early
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        return launch(jar, initialBuckets);
      } catch (PortTakenException e) {
        failure = e;
      }
    }
    throw failure;
  }

  private static S3MockServer launch(Path jar, String[] initialBuckets) {
    long t0 = System.nanoTime();
    int port = freePort();
    Path root;
    Path log;
    try {
      root = Files.createTempDirectory("s3mock-");
      Path logDir = Files.isDirectory(Path.of("target")) ? Path.of("target") : root.getParent();
      log = logDir.resolve("s3mock-" + port + ".log").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    // a short-lived test server: favour start-up time and a small footprint over peak throughput
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xss512k");
    cmd.add("-Xmx512m");
    cmd.add("-jar");
    cmd.add(jar.toString());
    // S3Mock's main connector is HTTPS on server.port; turn TLS off there and let it pick any port, and serve the
    // plain HTTP connector that clients use on our port
    cmd.add("--server.ssl.enabled=false");
    cmd.add("--server.port=0");
    cmd.add("--server.address=127.0.0.1");
    cmd.add("--com.adobe.testing.s3mock.httpPort=" + port);
    cmd.add("--com.adobe.testing.s3mock.store.root=" + root);
    cmd.add("--com.adobe.testing.s3mock.store.retainFilesOnExit=false");
    cmd.add("--com.adobe.testing.s3mock.region=" + REGION);
    if (initialBuckets.length > 0) {
      cmd.add("--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", initialBuckets));
    }
    cmd.add("--spring.main.banner-mode=off");
    Process process;
    try {
      process =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
    } catch (IOException e) {
      deleteTree(root);
      throw new UncheckedIOException("cannot start S3Mock: " + cmd, e);
    }
    S3MockServer server = new S3MockServer(process, port, root, log);
    try {
      server.awaitReady(t0);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    server.startupTime = Duration.ofNanos(System.nanoTime() - t0);
    System.out.printf(
        "S3Mock started on %s in %d ms (log %s)%n", server.endpoint(), server.startupTime.toMillis(), log);
    return server;
  }

  /** Polls the HTTP port until S3Mock answers a ListBuckets, the process dies or the time is up. */
  private void awaitReady(long t0) {
    long deadline = t0 + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String out = logTail();
        String message =
            "S3Mock exited with status " + process.exitValue() + " before answering on port " + port + ":\n" + out;
        if (out.contains("already in use") || out.contains("BindException")) {
          throw new PortTakenException(message);
        }
        throw new IllegalStateException(message);
      }
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for S3Mock", e);
      }
    }
    throw new IllegalStateException(
        "S3Mock did not answer on " + endpoint() + " within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(5_000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Base URL of the plain HTTP endpoint, e.g. {@code http://127.0.0.1:41234}; use path-style access. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Access key to sign with (S3Mock accepts any). */
  public String accessKey() {
    return "trustml-test";
  }

  /** Secret key to sign with (S3Mock accepts any). */
  public String secretKey() {
    return "trustml-test-secret";
  }

  /** Region the server reports and clients sign for. */
  public String region() {
    return REGION;
  }

  /** How long the start took, from launching the process to the first answer. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The server's log file. */
  public Path logFile() {
    return log;
  }

  /** Stops the process and its descendants (forcibly after 10 s) and deletes the store's directory. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    deleteTree(root);
  }

  private String logTail() {
    try {
      String all = Files.readString(log, StandardCharsets.UTF_8);
      return all.length() > 8_000 ? "…" + all.substring(all.length() - 8_000) : all;
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static String javaExecutable() {
    String configured = System.getProperty(JAVA_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  /**
   * The S3Mock jar: the system property first, then {@code platform-core/target/servers/s3mock.jar} or
   * {@code target/servers/s3mock.jar} in the working directory or any directory above it.
   */
  static Path findJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath();
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException("-D" + JAR_PROPERTY + " names " + p + ", which is not a file");
      }
      return p;
    }
    List<Path> tried = new ArrayList<>();
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          List.of(dir.resolve("platform-core/target/servers/s3mock.jar"), dir.resolve("target/servers/s3mock.jar"))) {
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
        tried.add(candidate);
      }
    }
    throw new IllegalStateException(
        "S3Mock's jar was not found (looked for "
            + tried
            + "). Run platform-core's generate-test-resources phase first, e.g. `./mvnw -pl platform-core"
            + " generate-test-resources`, which copies it to platform-core/target/servers/s3mock.jar, or pass -D"
            + JAR_PROPERTY
            + "=/path/to/s3mock-exec.jar");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp directory: best effort
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(String message) {
      super(message);
    }
  }
}
