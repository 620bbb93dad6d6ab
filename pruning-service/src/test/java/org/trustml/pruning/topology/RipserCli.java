package org.trustml.pruning.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code ripser} (1.2.1) command line, the oracle of the topology tests and of benchmarks/pruning (which
 * uses this module's test-jar): writing its inputs, running it, parsing its intervals.
 */
public final class RipserCli {

  public static final String MISSING =
      "ripser is not on the PATH (Debian: apt-get install -y ripser); skipping the oracle";

  /** One interval; death +∞ for an essential class. */
  public record Interval(double birth, double death) {}

  /** What one run printed (intervals of dimensions 0 and 1) and how long the process took, start to exit. */
  public record Run(List<List<Interval>> intervals, double seconds) {}

  private RipserCli() {}

  public static boolean available() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ripser"))) {
        return true;
      }
    }
    return false;
  }

  /** The installed package's version, for reports. */
  public static String version() {
    try {
      Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "ripser").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? "Debian ripser " + v : "ripser (version unknown)";
    } catch (IOException | InterruptedException e) {
      return "ripser (version unknown)";
    }
  }

  /** Coordinates with 17 significant digits (ripser reads them into float and computes the distances). */
  public static void writePointCloud(PointCloud p, Path file) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      for (int k = 0; k < p.dimension(); k++) {
        s.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", p.coordinate(i, k)));
      }
      s.append('\n');
    }
    Files.writeString(file, s, StandardCharsets.US_ASCII);
  }

  /** The lower triangle (row i holds d(i, 0 … i−1)), entries as Java prints them (rounded inputs print exactly). */
  public static void writeLowerDistance(DistanceMatrix d, Path file) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < d.size(); i++) {
      for (int j = 0; j < i; j++) {
        s.append(j == 0 ? "" : ",").append(d.get(i, j));
      }
      s.append('\n');
    }
    Files.writeString(file, s, StandardCharsets.US_ASCII);
  }

  /** Intervals of dimensions 0 and 1 of a distance matrix, written to a temporary file in {@code workDir}. */
  static List<List<Interval>> lowerDistance(DistanceMatrix d, Double threshold, Path workDir)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(workDir, "ripser", ".txt");
    writeLowerDistance(d, file);
    return run(file, "lower-distance", threshold).intervals();
  }

  /** Intervals of dimensions 0 and 1 of a point cloud, written to a temporary file in {@code workDir}. */
  static List<List<Interval>> pointCloud(PointCloud p, Double threshold, Path workDir)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(workDir, "ripser", ".txt");
    writePointCloud(p, file);
    return run(file, "point-cloud", threshold).intervals();
  }

  /**
   * Runs ripser on {@code input} ({@code format} {@code point-cloud} or {@code lower-distance}) up to dimension 1.
   *
   * @param threshold the largest edge length, or null for ripser's default
   */
  public static Run run(Path input, String format, Double threshold) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ripser", "--format", format, "--dim", "1"));
    if (threshold != null) {
      command.addAll(List.of("--threshold", Double.toString(threshold)));
    }
    command.add(input.toString());
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("ripser failed: " + output);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(parse(output), seconds);
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
