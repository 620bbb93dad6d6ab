package org.trustml.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One service as a child JVM, its output in {@code var/logs/<module>.log}. */
final class ServiceProcess {

  private final ServiceSpec spec;
  private final Process process;
  private final Path log;
  private final AtomicBoolean stopping;

  private ServiceProcess(ServiceSpec spec, Process process, Path log,
      AtomicBoolean stopping) {
    this.spec = spec;
    this.process = process;
    this.log = log;
    this.stopping = stopping;
  }

  /** The line the gateway prints once with a generated admin key. */
  static final String ADMIN_KEY_MARKER = "admin API key";

  /**
   * Starts the service. Its output goes to its log, except a line announcing a generated admin key: that one goes
   * to the console only, so the secret never lands in a file.
   */
  static ServiceProcess start(ServiceSpec spec, Path jar, Map<String, String> env, Path logDir) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = logDir.resolve(spec.module() + ".log");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xss512k", "-jar", jar.toString())
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process process = pb.start();
    AtomicBoolean stopping = new AtomicBoolean();
    Thread pump = new Thread(() -> copyOutput(process, log, stopping), spec.module() + "-output");
    pump.setDaemon(true);
    pump.start();
    return new ServiceProcess(spec, process, log, stopping);
  }

  private static void copyOutput(Process process, Path log, AtomicBoolean stopping) {
    try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.contains(ADMIN_KEY_MARKER)) {
          System.out.println(line.trim().replaceFirst("^trustml ", "trustml: "));
          out.write("(a generated admin API key was shown on the console)");
        } else {
          out.write(line);
        }
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      if (!stopping.get() && process.isAlive()) {
        System.err.println("trustml: lost the output of a service: " + e);
      }
      // otherwise the service is stopping and its output closed with it
    }
  }

  ServiceSpec spec() {
    return spec;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits until {@code /actuator/health} answers UP, or the process dies, or the timeout passes. */
  boolean awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + spec.port() + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 200 && res.body().contains("\"UP\"")) {
          return true;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    return false;
  }

  /** Asks the service to stop (SIGTERM: graceful shutdown hands running jobs back), then insists. */
  void stop(Duration grace) {
    stopping.set(true);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
