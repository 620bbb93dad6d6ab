package org.trustml.pruning.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code ripser} (1.2.1) command line and parses its intervals; the test oracle. */
final class RipserCli {

  static final String MISSING = "ripser is not on the PATH (Debian: apt-get install -y ripser); skipping the oracle";

  /** One interval; death +∞ for an essential class. */
  record Interval(double birth, double death) {}

  private RipserCli() {}

  static boolean available() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ripser"))) {
        return true;
      }
    }
    return false;
  }

  /** Intervals of dimensions 0 and 1 of a lower-triangular distance matrix (row i holds d(i,0..i-1)). */
  static List<List<Interval>> lowerDistance(DistanceMatrix d, Double threshold, Path workDir)
      throws IOException, InterruptedException {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < d.size(); i++) {
      for (int j = 0; j < i; j++) {
        s.append(j == 0 ? "" : ",").append(d.get(i, j));
      }
      s.append('\n');
    }
    return run(workDir, s.toString(), "lower-distance", threshold);
  }

  /** Intervals of dimensions 0 and 1 of a point cloud (ripser computes the distances, in float). */
  static List<List<Interval>> pointCloud(PointCloud p, Double threshold, Path workDir)
      throws IOException, InterruptedException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      for (int k = 0; k < p.dimension(); k++) {
        s.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", p.coordinate(i, k)));
      }
      s.append('\n');
    }
    return run(workDir, s.toString(), "point-cloud", threshold);
  }

  private static List<List<Interval>> run(Path workDir, String input, String format, Double threshold)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(workDir, "ripser", ".txt");
    Files.writeString(file, input, StandardCharsets.US_ASCII);
    List<String> command = new ArrayList<>(List.of("ripser", "--format", format, "--dim", "1"));
    if (threshold != null) {
      command.addAll(List.of("--threshold", Double.toString(threshold)));
    }
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ripser failed: " + output);
    }
    return parse(output);
  }

  /** Lines {@code " [b,d)"} or {@code " [b, )"} under {@code "persistence intervals in dim k:"}. */
  static List<List<Interval>> parse(String output) {
    List<List<Interval>> byDimension = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
    int dim = -1;
    for (String line : output.split("\n")) {
      if (line.startsWith("persistence intervals in dim ")) {
        dim = Integer.parseInt(line.substring("persistence intervals in dim ".length(), line.length() - 1));
      } else if (dim >= 0 && line.startsWith(" [")) {
        String[] parts = line.substring(2, line.length() - 1).split(",");
        double death = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1]);
        byDimension.get(dim).add(new Interval(Double.parseDouble(parts[0]), death));
      }
    }
    return byDimension;
  }
}
