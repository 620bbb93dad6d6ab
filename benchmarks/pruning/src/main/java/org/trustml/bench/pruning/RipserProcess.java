package org.trustml.bench.pruning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.pruning.topology.DistanceMatrix;
import org.trustml.pruning.topology.PointCloud;

/** The {@code ripser} command line on files: writing inputs, running it, parsing its intervals. */
final class RipserProcess {

  /** One interval; death +∞ for an essential class. */
  record Interval(double birth, double death) {}

  /** What one run printed and how long the process took (start to exit, file reading included). */
  record Run(List<List<Interval>> intervals, double seconds) {}

  private RipserProcess() {}

  static String version() {
    try {
      Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "ripser").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? "Debian ripser " + v : "ripser (version unknown)";
    } catch (IOException | InterruptedException e) {
      return "ripser (version unknown)";
    }
  }

  /** Coordinates with 17 significant digits: ripser reads them into float. */
  static void writePointCloud(PointCloud p, Path file) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      for (int k = 0; k < p.dimension(); k++) {
        s.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", p.coordinate(i, k)));
      }
      s.append('\n');
    }
    Files.writeString(file, s, StandardCharsets.US_ASCII);
  }

  /** Lower-triangular matrix, entries as Java prints them (rounded inputs print exactly). */
  static void writeLowerDistance(DistanceMatrix d, Path file) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < d.size(); i++) {
      for (int j = 0; j < i; j++) {
        s.append(j == 0 ? "" : ",").append(d.get(i, j));
      }
      s.append('\n');
    }
    Files.writeString(file, s, StandardCharsets.US_ASCII);
  }

  static Run run(Path input, String format, Path output) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("ripser", "--format", format, "--dim", "1", input.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    String text = Files.readString(output, StandardCharsets.US_ASCII);
    if (exit != 0) {
      throw new IOException("ripser exited with " + exit + ": " + text);
    }
    return new Run(parse(text), seconds);
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
