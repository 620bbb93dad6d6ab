package org.trustml.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.trustml.core.testing.EmbeddedDatabase;
import org.trustml.core.testing.app.TestServiceApplication;
import org.trustml.gateway.GatewayApplication;

/**
 * The platform benchmark: claim throughput with 1, 2 and 4 workers on one database, then job submission latency
 * through the gateway under a fixed-rate load sent by a second process on loopback. Writes a Markdown report.
 *
 * <p>Arguments: report path, then optionally {@code --quick} (shorter runs, for a smoke test).
 */
public final class PlatformBenchmark {

  private PlatformBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args[0]);
    boolean quick = Arrays.asList(args).contains("--quick");
    int claimJobs = quick ? 1000 : 10_000;
    int reps = quick ? 1 : 3;
    int loadSeconds = quick ? 5 : 20;
    int[] rates = quick ? new int[] {100} : new int[] {100, 200, 400};

    // 1. claim throughput
    Map<Integer, List<Double>> claims = new LinkedHashMap<>();
    String claimDb = EmbeddedDatabase.newDatabase();
    ClaimThroughput.measure(claimDb, 2, Math.min(1000, claimJobs));  // warm-up
    for (int workers : new int[] {1, 2, 4}) {
      for (int r = 0; r < reps; r++) {
        double perSecond = ClaimThroughput.measure(claimDb, workers, claimJobs);
        claims.computeIfAbsent(workers, k -> new ArrayList<>()).add(perSecond);
        System.out.printf("claims: %d worker(s), run %d: %.0f jobs/s%n", workers, r + 1, perSecond);
      }
    }

    // 1b. the same with durable commits (PostgreSQL defaults: fsync and synchronous_commit on), as in production
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres durable =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            // zonky turns synchronous_commit off by default; production keeps both on
            .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
    Map<Integer, List<Double>> durableClaims = new LinkedHashMap<>();
    String durableClaimDb = createDatabase(durable, "claims");
    for (int workers : new int[] {1, 2, 4}) {
      for (int r = 0; r < reps; r++) {
        double perSecond = ClaimThroughput.measure(durableClaimDb, workers, claimJobs);
        durableClaims.computeIfAbsent(workers, k -> new ArrayList<>()).add(perSecond);
        System.out.printf("durable claims: %d worker(s), run %d: %.0f jobs/s%n", workers, r + 1, perSecond);
      }
    }

    // 2. submit latency through the gateway
    // the services run on the durable server, as they would in production
    String db = createDatabase(durable, "platform");
    Path artifacts = Files.createTempDirectory("bench-artifacts");
    String token = "bench-internal-token";
    String adminKey = "bench-admin-key-0123456789";
    ConfigurableApplicationContext service = new SpringApplicationBuilder(TestServiceApplication.class)
        .run(args(common(db, artifacts, token), "server.port=0", "spring.config.name=test-service", "trustml.service.name=demo",
            "trustml.worker.threads=1", "logging.level.root=WARN"));
    int servicePort = ((WebServerApplicationContext) service).getWebServer().getPort();
    ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
        .run(args(common(db, artifacts, token), "server.port=0",
            "trustml.gateway.services.demo=http://localhost:" + servicePort, "trustml.gateway.admin-key=" + adminKey,
            "trustml.gateway.default-rate-per-minute=10000000", "logging.level.root=WARN"));
    int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    List<String> loadLines = new ArrayList<>();
    for (int rate : rates) {
      String line = runLoad("http://localhost:" + gatewayPort, adminKey, rate, loadSeconds);
      loadLines.add(line);
      System.out.println("submit: " + line);
    }
    gateway.close();
    service.close();
    durable.close();

    String md = render(claims, durableClaims, claimJobs, reps, loadLines, loadSeconds, quick);
    Files.writeString(report, md);
    System.out.println();
    System.out.println(md);
    System.exit(0);
  }

  private static String createDatabase(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String name)
      throws java.sql.SQLException {
    try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
  }

  /** Command-line arguments, which outrank a module's application.yml. */
  private static String[] args(String[] common, String... more) {
    List<String> all = new ArrayList<>();
    for (String a : common) {
      all.add("--" + a);
    }
    for (String a : more) {
      all.add("--" + a);
    }
    return all.toArray(String[]::new);
  }

  private static String[] common(String db, Path artifacts, String token) {
    return new String[] {
        "spring.datasource.url=" + db, "spring.datasource.username=" + EmbeddedDatabase.user(),
        "spring.datasource.password=" + EmbeddedDatabase.password(),
        "trustml.artifacts.fs.root=" + artifacts, "trustml.internal-token=" + token,
        "spring.main.banner-mode=off"};
  }

  /** Runs {@link SubmitLoad} in a second JVM and returns its RESULT line. */
  private static String runLoad(String url, String key, int rate, int seconds) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        SubmitLoad.class.getName(), url, key, Integer.toString(rate), Integer.toString(seconds))
        .redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          result = line.substring(7);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("load generator failed at rate " + rate);
    }
    return result;
  }

  private static String render(Map<Integer, List<Double>> claims, Map<Integer, List<Double>> durableClaims,
      int claimJobs, int reps, List<String> load, int loadSeconds, boolean quick) throws Exception {
    StringBuilder md = new StringBuilder("# Platform benchmark\n\n");
    md.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
    md.append("- machine: ").append(machine()).append('\n');
    md.append("- command: `benchmarks/platform/run").append(quick ? " --quick" : "").append("`\n");
    md.append("- PostgreSQL 18 (zonky's embedded binaries); Java ").append(System.getProperty("java.version"))
        .append('\n');
    md.append("\n## Claim throughput\n\n").append(claimJobs).append(" no-op jobs queued, drained by N workers ")
        .append("(one claiming thread each; claim with `FOR UPDATE SKIP LOCKED`, run, guarded finish), ")
        .append(reps).append(" run(s) each; jobs/s from the first claim to the last finish.\n\n");
    md.append("| workers | commits | median jobs/s | runs |\n|---:|---|---:|---|\n");
    claimRows(md, claims, "fsync off (test setting)");
    claimRows(md, durableClaims, "durable (PostgreSQL defaults)");
    md.append("\n## Submit latency through the gateway\n\n").append("A second JVM on loopback sends `POST ")
        .append("/api/v1/demo/jobs` at a fixed rate for ").append(loadSeconds)
        .append(" s (open loop: latency counted from each request's scheduled time), through the gateway ")
        .append("(API key check, rate limiter, proxy) to a service that validates, inserts and answers 202; ")
        .append("the service's worker runs the jobs meanwhile. PostgreSQL with durable commits; everything shares ")
        .append("the machine's cores.\n\n");
    md.append("| target req/s | achieved req/s | ok | errors | p50 ms | p90 ms | p99 ms | max ms |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String line : load) {
      Map<String, String> kv = new LinkedHashMap<>();
      for (String part : line.split(" ")) {
        String[] p = part.split("=");
        kv.put(p[0], p[1]);
      }
      md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", kv.get("rate"), kv.get("achieved"),
          kv.get("ok"), kv.get("errors"), kv.get("p50"), kv.get("p90"), kv.get("p99"), kv.get("max")));
    }
    return md.toString();
  }

  private static void claimRows(StringBuilder md, Map<Integer, List<Double>> claims, String commits) {
    for (Map.Entry<Integer, List<Double>> e : claims.entrySet()) {
      List<Double> v = new ArrayList<>(e.getValue());
      v.sort(Double::compare);
      md.append(String.format("| %d | %s | %.0f | %s |%n", e.getKey(), commits, v.get(v.size() / 2),
          v.stream().map(x -> String.format("%.0f", x)).toList()));
    }
  }

  private static String machine() throws Exception {
    String cpu = "unknown CPU";
    Path info = Path.of("/proc/cpuinfo");
    if (Files.exists(info)) {
      cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    }
    long mem = 0;
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.exists(meminfo)) {
      mem = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + " GiB, "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
