package org.trustml.fhe.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.fhe.client.ClientKeys;

/** The command line: its argument errors (status 2 with a message naming the problem) and the offline keygen. */
class FheCliTest {

  record Outcome(int status, String out, String err) {}

  static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = FheCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Outcome run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void argumentErrorsAreUsageErrors(@TempDir Path dir) {
    assertThat(run().err()).contains("no command").contains("usage: fhe");
    assertThat(run("frobnicate").err()).contains("unknown command 'frobnicate'");
    assertThat(run("keygen", "--out", dir.toString()).err()).contains("keygen: --params is required");
    assertThat(run("keygen", "--params", "huge", "--out", dir.toString()).err())
        .contains("--params must be one of [test, cryptonets]");
    assertThat(run("keygen", "--params").err()).contains("--params needs a value");
    assertThat(run("keygen", "--params", "test", "--out", "x", "--colour", "red").err())
        .contains("unknown option --colour");
    assertThat(run("keygen", "--params", "test", "--params", "test").err()).contains("given twice");
    assertThat(run("keygen", "--params", "test", "--out", "x", "--galois-steps", "1,two").err())
        .contains("--galois-steps must be a comma-separated list");
    assertThat(run("encrypt", "--plan", "p", "--keys", "k", "--images", "i", "--count", "0", "--out", "o").err())
        .contains("--count must be a positive integer, was '0'");
    assertThat(run("decrypt", "--keys", "k", "stray").err()).contains("unexpected argument 'stray'");
    for (String[] args : new String[][] {{}, {"frobnicate"}, {"keygen", "--out", "x"}, {"decrypt", "--job"}}) {
      assertThat(run(args).status()).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  @Test
  void theServerAndKeyComeFromOptionsOrTheEnvironment(@TempDir Path dir) throws Exception {
    ClientKeys.generate("test", new byte[32], new int[0]).write(dir);
    Outcome noUrl = run("decrypt", "--keys", dir.toString(), "--job", "j");
    assertThat(noUrl.status()).isEqualTo(2);
    assertThat(noUrl.err()).contains("give --url or set TRUSTML_URL");
    Outcome noKey = run(Map.of("TRUSTML_URL", "http://127.0.0.1:1"), "decrypt", "--keys", dir.toString(), "--job",
        "j");
    assertThat(noKey.err()).contains("give --api-key or set TRUSTML_API_KEY");
    // with both, the client tries to connect: nothing listens on port 1, a runtime failure (1), not a usage one
    Outcome unreachable = run(Map.of("TRUSTML_API_KEY", "k"), "--url", "http://127.0.0.1:1", "decrypt", "--keys",
        dir.toString(), "--job", "j");
    assertThat(unreachable.status()).as(unreachable.err()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach http://127.0.0.1:1").doesNotContain("null");
  }

  @Test
  void keygenWritesTheKeysLocally(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed");
    Files.write(seed, new byte[32]);
    Outcome made = run("keygen", "--params", "test", "--out", dir.resolve("keys").toString(), "--seed",
        seed.toString(), "--galois-steps", "1, 2");
    assertThat(made.status()).as(made.err()).isZero();
    assertThat(made.out()).contains("keys for test");
    ClientKeys keys = ClientKeys.read(dir.resolve("keys"));
    assertThat(keys).isEqualTo(ClientKeys.generate("test", new byte[32], new int[] {1, 2}));
    Files.write(seed, new byte[5]);
    Outcome badSeed = run("keygen", "--params", "test", "--out", dir.resolve("k2").toString(), "--seed",
        seed.toString());
    assertThat(badSeed.status()).isEqualTo(1);
    assertThat(badSeed.err()).contains("5 bytes");
  }

  @Test
  void keygenForAPlanMakesItsGaloisKeys(@TempDir Path dir) throws Exception {
    // the plan document as the service serves it: a latency plan needs Galois keys for its rotation steps
    byte[] plan = ("{\"model\":\"m\",\"parameterSet\":\"test\",\"packing\":\"latency\",\"inputLevel\":2,"
        + "\"inputScale\":34359738368.0,\"inputCount\":6,\"outputCount\":3,\"batchSize\":64,"
        + "\"rotationSteps\":[1,2,4],\"inputPeriod\":8}").getBytes(StandardCharsets.UTF_8);
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/fhe/plans/p-lat", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, plan.length);
      exchange.getResponseBody().write(plan);
      exchange.close();
    });
    server.start();
    try {
      Map<String, String> env = Map.of("TRUSTML_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
          "TRUSTML_API_KEY", "k");
      Path seed = dir.resolve("seed");
      Files.write(seed, new byte[32]);
      Outcome made = run(env, "keygen", "--plan", "p-lat", "--out", dir.resolve("keys").toString(), "--seed",
          seed.toString());
      assertThat(made.status()).as(made.err()).isZero();
      assertThat(made.out()).contains("latency packing", "3 Galois keys");
      assertThat(ClientKeys.read(dir.resolve("keys"))).isEqualTo(ClientKeys.generate("test", new byte[32],
          new int[] {1, 2, 4}));
      Outcome both = run(env, "keygen", "--plan", "p-lat", "--params", "test", "--out", dir.toString());
      assertThat(both.status()).isEqualTo(2);
      assertThat(both.err()).contains("not both");
    } finally {
      server.stop(0);
    }
  }
}
