package org.trustml.pruning.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustworthinessTest {

  static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void anEmbeddingThatKeepsAllDistancesIsFullyTrustworthy() {
    double[] x = Samples.gaussian(new Random(4), 100, 3);
    double[] scaled = x.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = 2 * scaled[i] + 1;
    }
    assertEquals(1.0, Trustworthiness.of(x, 3, scaled, 3, 5), Tolerances.EXACT);
  }

  @Test
  void handComputedPenaltyOnALine() {
    double[] input = {0, 1, 2, 3, 10, 11};
    double[] embedded = {0, 1, 10, 3, 2, 11};
    // input 0,1,2,3,10,11 on a line (points 0…5); the embedding swaps the places of points 2 and 4.
    // k = 1, embedded nearest → its input rank from that point → penalty rank − 1:
    // 0→1 (1, 0); 1→0 (tie with 4 at distance 1 broken by index; rank 1, 0); 2→5 (5, 4); 3→4 (4, 3);
    // 4→1 (tie with 3 broken by index; 4, 3); 5→2 (3, 2); total 12
    double expected = 1 - 12 * 2.0 / (6 * 1 * (12 - 3 - 1));
    assertEquals(expected, Trustworthiness.of(input, 1, embedded, 1, 1), Tolerances.EXACT);
  }

  @Test
  void agreesWithScikitLearn(@TempDir Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is absent; skipping the scikit-learn comparison");
    assumeTrue(run("import sklearn.manifold", dir) != null,
        "python3-sklearn is not installed (Debian: apt-get install -y python3-sklearn); skipping the comparison");
    double[] x = Samples.gaussian(new Random(21), 150, 5);
    double[] u = Samples.gaussian(new Random(22), 150, 2);
    for (int i = 0; i < 150; i++) {
      // a partly faithful embedding, so the score is neither 1 nor chance
      u[2 * i] += 2 * x[5 * i];
      u[2 * i + 1] += 2 * x[5 * i + 1];
    }
    Path xf = write(dir.resolve("x.txt"), x, 5);
    Path uf = write(dir.resolve("u.txt"), u, 2);
    for (int k : new int[] {1, 5, 12}) {
      String out = run("import numpy as np\nfrom sklearn.manifold import trustworthiness\n"
          + "print(repr(trustworthiness(np.loadtxt('" + xf + "'), np.loadtxt('" + uf + "'), n_neighbors=" + k
          + ")))", dir);
      assertEquals(Double.parseDouble(out.trim()), Trustworthiness.of(x, 5, u, 2, k), Tolerances.SKLEARN, "k=" + k);
    }
  }

  private static Path write(Path file, double[] rows, int d) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < rows.length; i += d) {
      for (int c = 0; c < d; c++) {
        s.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", rows[i + c]));
      }
      s.append('\n');
    }
    return Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }

  /** Runs a python snippet; its stdout, or null when it fails. */
  private static String run(String code, Path dir) throws IOException, InterruptedException {
    Path script = Files.writeString(dir.resolve("snippet.py"), code, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(PYTHON.toString(), script.toString()).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return null;
    }
    return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
  }
}
