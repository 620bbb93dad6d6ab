package org.trustml.bench.pruning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trustml.pruning.topology.RipserCli;
import org.trustml.pruning.topology.RipserCli.Interval;
import org.trustml.pruning.topology.DistanceMatrix;
import org.trustml.pruning.topology.PersistenceDiagram;
import org.trustml.pruning.topology.PointCloud;
import org.trustml.pruning.topology.RipsParams;
import org.trustml.pruning.topology.VietorisRipsPersistence;

/**
 * H0 + H1 Vietoris–Rips persistence of fixed-seed point clouds: our engine against the {@code ripser} process,
 * repeated and interleaved, plus two agreement checks per cloud; then the speed of TopoPrune scoring on
 * Fashion-MNIST embeddings ({@link ScoringBenchmark}, {@link FashionMnistEmbeddings}; random stand-ins where the
 * dataset is absent). Usage: {@code PruningBenchmark RESULTS.md [--quick] [--points N] [--dim D] [--reps R]
 * [--scoring-points N]}; {@code --quick} scores 6,000 points instead of 60,000. With {@code --evaluation-quick},
 * {@code --evaluation} (Fashion-MNIST), {@code --evaluation-cnn} (Fashion-MNIST at 90 %, the small-cnn trained on
 * every coreset) or {@code --evaluation-cifar} (the CIFAR-10 subset) it runs only that
 * evaluation ({@link EvaluationTier}) and replaces only its section of RESULTS.md; every run keeps the others.
 */
public final class PruningBenchmark {

  static final long SEED = 2602_02739L;
  static final double NOISE = 0.05;
  /** Ripser prints float values with 6 significant digits; pairs shorter than this may appear on one side only. */
  static final double FLOAT_MIN_PERSISTENCE = 1e-4;
  static final double FLOAT_TOLERANCE = 2e-5;
  static final double EXACT_TOLERANCE = 1e-9;
  static final int WARM_UP = 3;
  static final int SCORING_DIMENSION = 64;
  static final int SCORING_CLASSES = 10;
  /** The reach: all 60,000 samples scored in under 2 minutes on the 2-core machine. */
  static final double SCORING_REACH_SECONDS = 120;
  static final int SCORING_REACH_POINTS = 60_000;

  private PruningBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    List<String> options = Arrays.asList(args).subList(1, args.length);
    String existing = Files.isRegularFile(results) ? Files.readString(results, StandardCharsets.UTF_8) : "";
    EvaluationTier tier = options.contains("--evaluation-quick") ? EvaluationTier.quick()
        : options.contains("--evaluation") ? EvaluationTier.full()
        : options.contains("--evaluation-cifar") ? EvaluationTier.cifar()
        : options.contains("--evaluation-cnn") ? EvaluationTier.cnn() : null;
    if (tier != null) {
      String section = EvaluationBenchmark.run(tier, "benchmarks/pruning/run " + String.join(" ", options),
          results.toAbsolutePath().getParent().resolve("work"));
      Files.writeString(results, EvaluationSection.splice(existing, section, tier.section()),
          StandardCharsets.UTF_8);
      System.out.println(section);
      return;
    }
    boolean quick = options.contains("--quick");
    int n = intOption(options, "--points", quick ? 300 : 1000);
    int dimension = intOption(options, "--dim", 16);
    int reps = intOption(options, "--reps", quick ? 2 : 5);
    Path work = results.toAbsolutePath().getParent().resolve("work");
    Files.createDirectories(work);

    List<CaseResult> cases = new ArrayList<>();
    cases.add(measure("noisy torus", f(
        "%d points on a flat torus (radii 1 and 0.5, in R^4) rotated into R^%d by a random orthonormal map, plus "
            + "N(0, %.2f²) noise per coordinate, seed %d", n, dimension, NOISE, SEED),
        NoisyTorus.sample(n, dimension, NOISE, SEED), reps, work));
    cases.add(measure("isotropic Gaussian", f("%d points with N(0, 1) coordinates in R^%d, seed %d", n, dimension,
        SEED), IsotropicGaussian.sample(n, dimension, SEED), reps, work));

    int scoringPoints = intOption(options, "--scoring-points", quick ? 6_000 : 60_000);
    ScoringInput input;
    if (BenchmarkData.fashionMnistPresent()) {
      input = FashionMnistEmbeddings.load(scoringPoints, SEED);
    } else {
      System.err.println("Fashion-MNIST is not in " + BenchmarkData.datasets() + ": scoring stand-in embeddings");
      input = ScoringInput.standIn(scoringPoints, SCORING_DIMENSION, SCORING_CLASSES, SEED);
    }
    ScoringResult scoring = ScoringBenchmark.run(input, Runtime.getRuntime().availableProcessors(), SEED);

    String report = new ResultsReport(String.join(" ", options), cases, scoring).markdown();
    String withEvaluations = report; // the evaluation sections are kept: they come from their own, longer runs
    for (EvaluationTier.Section section : EvaluationTier.Section.values()) {
      String evaluation = EvaluationSection.extract(existing, section);
      if (!evaluation.isEmpty()) {
        withEvaluations = EvaluationSection.splice(withEvaluations, evaluation, section);
      }
    }
    Files.writeString(results, withEvaluations, StandardCharsets.UTF_8);
    System.out.println(report);
    if (!cases.stream().allMatch(CaseResult::agrees)) {
      System.err.println("diagrams disagree with ripser; see " + results);
      System.exit(1);
    }
  }

  static CaseResult measure(String name, String description, PointCloud cloud, int reps, Path work)
      throws IOException, InterruptedException {
    String stem = name.replace(' ', '-') + "-" + cloud.size() + "x" + cloud.dimension();
    Path cloudFile = work.resolve(stem + ".txt");
    RipserCli.writePointCloud(cloud, cloudFile);

    // JIT warm-up for ours, page cache for ripser; not measured
    for (int i = 0; i < WARM_UP; i++) {
      VietorisRipsPersistence.compute(cloud, RipsParams.h0h1());
    }
    RipserCli.run(cloudFile, "point-cloud", null);

    double[] ours = new double[reps];
    double[] ripser = new double[reps];
    PersistenceDiagram diagram = null;
    RipserCli.Run ripserRun = null;
    for (int r = 0; r < reps; r++) {
      long start = System.nanoTime();
      diagram = VietorisRipsPersistence.compute(cloud, RipsParams.h0h1());
      ours[r] = (System.nanoTime() - start) / 1e9;
      ripserRun = RipserCli.run(cloudFile, "point-cloud", null);
      ripser[r] = ripserRun.seconds();
      System.out.printf(Locale.ROOT, "%s rep %d: ours %.3f s, ripser %.3f s%n", name, r + 1, ours[r], ripser[r]);
    }

    DistanceMatrix rounded = rounded(cloud);
    Path matrixFile = work.resolve(stem + "-rounded.lower-distance");
    RipserCli.writeLowerDistance(rounded, matrixFile);
    PersistenceDiagram exact = VietorisRipsPersistence.compute(rounded, RipsParams.h0h1());
    List<List<Interval>> exactRipser = RipserCli.run(matrixFile, "lower-distance", null).intervals();

    return new CaseResult(name, description, ours, ripser, diagram.threshold(), diagram.h0().size(),
        diagram.h1().size(),
        DiagramComparison.of(diagram.h0(), ripserRun.intervals().get(0), FLOAT_MIN_PERSISTENCE, FLOAT_TOLERANCE),
        DiagramComparison.of(diagram.h1(), ripserRun.intervals().get(1), FLOAT_MIN_PERSISTENCE, FLOAT_TOLERANCE),
        DiagramComparison.of(exact.h0(), exactRipser.get(0), 0, EXACT_TOLERANCE),
        DiagramComparison.of(exact.h1(), exactRipser.get(1), 0, EXACT_TOLERANCE));
  }

  /** Distances rounded to 1e-3 through their decimal string: float and ripser's printing keep them exactly. */
  static DistanceMatrix rounded(PointCloud p) {
    int n = p.size();
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        rows[i][j] = Double.parseDouble(String.format(Locale.ROOT, "%.3f", p.distance(i, j)));
        rows[j][i] = rows[i][j];
      }
    }
    return DistanceMatrix.of(rows);
  }

  static int intOption(List<String> options, String name, int fallback) {
    int i = options.indexOf(name);
    return i >= 0 ? Integer.parseInt(options.get(i + 1)) : fallback;
  }

  static String f(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  static String utcNow() {
    return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }

  static String machine() throws IOException {
    String model = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      model = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
    }
    return model + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM (shared with "
        + "other work), " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
  }
}
