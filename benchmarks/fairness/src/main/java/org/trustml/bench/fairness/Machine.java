package org.trustml.bench.fairness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The RESULTS.md header: where and when the numbers were measured. */
public final class Machine {

  private Machine() {}

  public static String describe(String command) {
    String cpu = "unknown";
    String memory = "unknown";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
          .findFirst().orElse(memory);
    } catch (IOException e) {
      // not Linux: the header says unknown
    }
    return "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
        + "- Machine: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, " + memory
        + " RAM, CPU " + cpu + "\n"
        + "- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB\n"
        + "- Command: `" + command + "`\n";
  }
}
