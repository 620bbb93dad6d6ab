package org.trustml.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator, run as its own process: submits jobs at a fixed rate through the gateway and
 * measures each submission's latency from its scheduled send time (so a slow server cannot hide queueing delay by
 * slowing the sender down). Prints one line: {@code rate sent ok errors p50 p90 p99 max} in milliseconds.
 *
 * <p>Arguments: gateway URL, API key, requests per second, seconds.
 */
public final class SubmitLoad {

  private SubmitLoad() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0] + "/api/v1/demo/jobs");
    String key = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
    String body = "{\"type\":\"test.sleep\",\"params\":{\"steps\":1,\"stepMillis\":0}}";
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inflight = new ArrayList<>();
    // warm-up: JIT and connection pools, not measured
    for (int i = 0; i < Math.min(200, rate * 2); i++) {
      http.send(request(url, key, body), HttpResponse.BodyHandlers.discarding());
    }
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    int total = rate * seconds;
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      inflight.add(http.sendAsync(request(url, key, body), HttpResponse.BodyHandlers.discarding())
          .whenComplete((res, err) -> {
            if (err != null || res.statusCode() != 202) {
              errors.incrementAndGet();
            } else {
              latencies.add(System.nanoTime() - scheduled);
            }
          }));
    }
    CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("RESULT rate=%d sent=%d ok=%d errors=%d achieved=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
        rate, total, sorted.size(), errors.get(), total / elapsed, pct(sorted, 0.50), pct(sorted, 0.90),
        pct(sorted, 0.99), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
    System.exit(0);
  }

  private static HttpRequest request(URI url, String key, String body) {
    return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .header("X-API-Key", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }
}
