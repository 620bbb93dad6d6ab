package org.trustml.bench.fhe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SEAL's side: runs seal-bench.js with node and reads its JSON. */
final class SealRun {

  final long[] primes;
  final Map<String, Double> timings = new LinkedHashMap<>();
  final double[] result;

  SealRun(Path script, Path nodeCache, Profile profile) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("node", script.toString(), nodeCache.toString(),
        Integer.toString(profile.logN()), profile.bitsCsv(), Integer.toString(profile.logScale()),
        Integer.toString(profile.reps())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("seal-bench.js failed for " + profile.label());
    }
    JsonNode root = JsonMapper.builder().build().readTree(json);
    primes = new long[root.get("primes").size()];
    for (int i = 0; i < primes.length; i++) {
      primes[i] = Long.parseUnsignedLong(root.get("primes").get(i).asString());
    }
    root.get("timings").properties().forEach(e -> timings.put(e.getKey(), e.getValue().asDouble()));
    JsonNode values = root.get("result");
    result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i).asDouble();
    }
  }
}
