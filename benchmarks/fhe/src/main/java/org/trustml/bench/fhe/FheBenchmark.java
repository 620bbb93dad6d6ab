package org.trustml.bench.fhe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * benchmarks/fhe/run: our CKKS engine and SEAL 4.1 (node-seal 6.0.3, WASM) side by side on the same parameters,
 * both single-threaded, plus an agreement check on rotate(x * y + z, 1). Args: RESULTS.md path, node-seal cache
 * directory (seal-bench.js sits beside it), optional --quick (fewer repetitions, N = 2^13 only, MNIST only with
 * 512-image batches) and --inference-only (print the inference section, leave RESULTS.md alone). Exits 1 if the engines disagree.
 */
public final class FheBenchmark {

  /** Decrypted slots must match the plain result and each other to at least this many bits. */
  static final double AGREEMENT_FLOOR_BITS = 15;
  private static final String[] OPERATIONS = {"ntt", "multiplyRelinearize", "rescale", "rotate"};
  private static final Map<String, String> LABELS = Map.of(
      "ntt", "NTT: INTT + NTT of a ciphertext (2 polys x all primes of the top level)",
      "multiplyRelinearize", "multiply + relinearize (top level)",
      "rescale", "rescale to next (top level)",
      "rotate", "rotate by 1 (top level)");

  private FheBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path results = Path.of(args[0]);
    Path nodeCache = Path.of(args[1]);
    boolean quick = Arrays.asList(args).contains("--quick");
    if (Arrays.asList(args).contains("--inference-only")) {
      String md = InferenceRun.run(quick);
      System.out.print(md); // a partial run: RESULTS.md is left as it is
      return;
    }
    Path script = nodeCache.toAbsolutePath().getParent().resolve("seal-bench.js"); // beside the cache
    List<Profile> profiles = new ArrayList<>();
    profiles.add(new Profile(13, new int[] {60, 40, 40, 60}, 40, quick ? 10 : 50));
    if (!quick) {
      profiles.add(new Profile(14, new int[] {60, 40, 40, 40, 40, 40, 40, 60}, 40, 20));
    }
    StringBuilder md = new StringBuilder();
    md.append("# fhe benchmark: our pure-Java CKKS against SEAL 4.1 (node-seal 6.0.3)\n\n");
    md.append("* Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
    md.append("* Machine: ").append(Machine.describe()).append('\n');
    String loadBefore = Machine.loadAverage();
    md.append("* Command: `benchmarks/fhe/run").append(quick ? " --quick" : "").append("`\n");
    md.append("* Both engines single-threaded; median of the repetitions after a warm-up; milliseconds.\n");
    md.append("* SEAL runs as WebAssembly in Node (the design's oracle); native SEAL would be several times faster.\n\n");
    boolean agree = true;
    for (Profile profile : profiles) {
      SealRun seal = new SealRun(script, nodeCache, profile);
      EngineRun ours = new EngineRun(profile);
      md.append("## ").append(profile.label()).append(", scale 2^").append(profile.logScale()).append(", ")
          .append(profile.reps()).append(" repetitions\n\n");
      md.append("| Operation | trustml (Java 17) | SEAL (node-seal WASM) | trustml / SEAL |\n|---|---|---|---|\n");
      for (String op : OPERATIONS) {
        double a = ours.timings.get(op);
        double b = seal.timings.get(op);
        md.append(String.format("| %s | %.3f | %.3f | %.2f |%n", LABELS.get(op), a, b, a / b));
      }
      md.append(String.format("%nOurs only: %d hoisted rotations (steps 1..%d, one decomposition of c_1) take %.3f ms "
          + "per rotation.%n", EngineRun.HOISTED_STEPS.length, EngineRun.HOISTED_STEPS.length, ours.hoistedPerRotation));
      double[] expected = Inputs.expected(1 << (profile.logN() - 1));
      double oursBits = bits(ours.result, expected);
      double sealBits = bits(seal.result, expected);
      double mutualBits = bits(ours.result, seal.result);
      boolean samePrimes = Arrays.equals(ours.primes, seal.primes);
      md.append("\nAgreement on rotate(x * y + z, 1) over all slots (precision = -log2 of the largest absolute "
          + "error):\n\n");
      md.append(String.format("* trustml vs plain doubles: %.1f bits%n", oursBits));
      md.append(String.format("* SEAL vs plain doubles: %.1f bits%n", sealBits));
      md.append(String.format("* trustml vs SEAL: %.1f bits%n", mutualBits));
      md.append("* Same prime chain as SEAL's CoeffModulus::Create: ").append(samePrimes ? "yes" : "NO")
          .append(" ").append(Arrays.toString(ours.primes)).append("\n\n");
      agree &= samePrimes && Math.min(oursBits, Math.min(sealBits, mutualBits)) >= AGREEMENT_FLOOR_BITS;
    }
    md.append("Load average (1, 5, 15 min) before the run: ").append(loadBefore).append("; after: ")
        .append(Machine.loadAverage()).append(" (a shared machine: both engines ran under the same load).\n\n");
    md.append(agree ? "Result: the engines agree.\n\n" : "Result: DISAGREEMENT, see above.\n\n");
    String loadBeforeInference = Machine.loadAverage();
    md.append(InferenceRun.run(quick));
    md.append("Load average (1, 5, 15 min) before the inference section: ").append(loadBeforeInference)
        .append("; after: ").append(Machine.loadAverage()).append(".\n");
    Files.writeString(results, md.toString());
    System.out.print(md);
    if (!agree) {
      System.exit(1);
    }
  }

  static double bits(double[] actual, double[] expected) {
    double worst = 0;
    for (int k = 0; k < expected.length; k++) {
      worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
    }
    return -Math.log(worst) / Math.log(2);
  }
}
