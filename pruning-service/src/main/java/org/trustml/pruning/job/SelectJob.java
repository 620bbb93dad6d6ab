package org.trustml.pruning.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.SubmissionContext;
import org.trustml.pruning.baseline.D2Params;
import org.trustml.pruning.baseline.D2Pruning;
import org.trustml.pruning.baseline.PruningInput;
import org.trustml.pruning.baseline.PruningRun;
import org.trustml.pruning.coverage.ClassCoverage;
import org.trustml.pruning.coverage.CoverageReport;
import org.trustml.pruning.selection.ClassBudgets;
import org.trustml.pruning.selection.SelectionParams;
import org.trustml.pruning.selection.SelectionResult;
import org.trustml.pruning.selection.Selector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the kept subset of a catalog embeddings dataset at a pruning rate, either from a {@code pruning.score}
 * job's scores (CCS stratified, top-k or bottom-k) or by a {@link SelectionMethod} that needs no scores, with the
 * same class budgets either way. Writes {@value SelectionTable#CSV}, {@value SelectionTable#KEPT} and
 * {@code manifest.json}, and registers the kept rows as a new catalog dataset with lineage to the source and to this
 * job.
 */
@Component
public class SelectJob implements JobHandler<SelectJob.Params> {

  /** The job type. */
  public static final String TYPE = "pruning.select";

  /**
   * @param embeddings    the data to select from
   * @param scores        id of a succeeded {@code pruning.score} job on these embeddings, or of the
   *                      {@code pruning.embed} job that made them (with {@code score}); or
   * @param scoresDataset scores imported from the catalog (a CSV column, one row per sample); or
   * @param method        a selection method that needs no scores ({@code GET /api/v1/pruning/methods})
   * @param pruneRate     α in (0, 1): the share of samples removed
   * @param strategy      with scores: {@code ccs} (default, CCS stratified), {@code topk} (keep the highest),
   *                      {@code bottomk} (keep the lowest) or {@code d2} (D2 pruning: message passing over the
   *                      embeddings' kNN graph with the scores as difficulty; {@code beta} is its hard cut-off)
   * @param budget        {@code proportional} (default: each class keeps (1 − α)·n_c) or {@code uniform} (every
   *                      class keeps the same number)
   * @param beta          CCS: share of the hardest samples dropped first; default 0.1 at α ≤ 0.7 to 0.3 at α ≥ 0.9
   * @param strata        CCS: number of strata, default 50
   * @param hardestIsHigh CCS: whether high scores are the hardest (default true, as TopoPrune's)
   * @param name          the new dataset's name; default: the source's name, the method and the rate
   * @param score         with an embed job's scores: {@code aum}, {@code el2n} or {@code forgetting}, the training
   *                      dynamics it recorded (CCS over AUM: the CCS paper's setting); not given for a score job
   * @param coverage      whether to measure the coreset's coverage of every class in the embeddings (default true;
   *                      brute force, about n·kept/C distances)
   */
  public record Params(
      @NotNull @Valid EmbeddingsInput embeddings,
      String scores,
      @Valid ImportedScores scoresDataset,
      String method,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
      Double pruneRate,
      @Pattern(regexp = "ccs|topk|bottomk|d2") String strategy,
      @Pattern(regexp = "proportional|uniform") String budget,
      @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double beta,
      @Min(1) @Max(1000) Integer strata,
      Boolean hardestIsHigh,
      String name,
      @Pattern(regexp = "aum|el2n|forgetting") String score,
      Boolean coverage) {

    SelectionParams.Budget budgetRule() {
      return budget == null ? SelectionParams.Budget.PROPORTIONAL
          : SelectionParams.Budget.valueOf(budget.toUpperCase(Locale.ROOT));
    }

    SelectionParams selectionParams(long seed) {
      SelectionParams.Mode mode = switch (strategy == null ? "ccs" : strategy) {
        case "topk" -> SelectionParams.Mode.TOP_K;
        case "bottomk" -> SelectionParams.Mode.BOTTOM_K;
        default -> SelectionParams.Mode.CCS_STRATIFIED;
      };
      return new SelectionParams(mode, pruneRate, beta == null ? Double.NaN : beta, strata == null ? 50 : strata,
          budgetRule(), hardestIsHighOrDefault(), seed);
    }

    /** Given, or by the score: a low area under the margin is hard, a high TopoPrune score, EL2N or forgetting is. */
    boolean hardestIsHighOrDefault() {
      return hardestIsHigh != null ? hardestIsHigh : !"aum".equals(score);
    }

    /** What made the selection, for names and the manifest. */
    String how() {
      String s = strategy == null ? "ccs" : strategy;
      return scores != null ? s + (score == null ? "" : "-" + score)
          : scoresDataset != null ? s + "-" + scoresDataset.columnOrDefault() : method;
    }

    boolean fromScores() {
      return scores != null || scoresDataset != null;
    }
  }

  /** The inputs, switches and outcome of one selection. */
  record Manifest(String type, String version, long seed, List<String> datasets, List<String> sha256,
      String scoresJob, String scoresDataset, String scoresSha256, String method, String strategy, double pruneRate, String budget,
      Double beta, Integer strata, Boolean hardestIsHigh, Map<String, ClassCount> classes, int kept, int pruned,
      Coverage coverage) {}

  /** {@link CoverageReport} with classes by their label values; null when not measured. */
  record Coverage(double auc, Map<String, ClassCoverage> classes) {

    static Coverage of(CoverageReport report, LabelledEmbeddings data) {
      Map<String, ClassCoverage> byLabel = new LinkedHashMap<>();
      for (int c = 0; c < report.classes().size(); c++) {
        byLabel.put(data.classes().get(c), report.classes().get(c));
      }
      return new Coverage(report.auc(), byLabel);
    }
  }

  /** Samples and kept samples of one class. */
  record ClassCount(int samples, int kept) {}

  private final PruningJobSettings settings;
  private final SelectionMethods methods;
  private final JobRepository jobs;
  private final JsonMapper json;

  public SelectJob(PruningJobSettings settings, SelectionMethods methods, JobRepository jobs, JsonMapper json) {
    this.settings = settings;
    this.methods = methods;
    this.jobs = jobs;
    this.json = json;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    int sources = (p.scores() == null ? 0 : 1) + (p.scoresDataset() == null ? 0 : 1) + (p.method() == null ? 0 : 1);
    if (sources != 1) {
      throw PruningProblems.of("invalid-params", "params.scores", "give one of 'scores' (a " + ScoreJob.TYPE
          + " job), 'scoresDataset' (imported scores) or 'method' (one of " + methodNames() + "), not "
          + (sources == 0 ? "none" : "several"));
    }
    if (p.score() != null && p.scores() == null) {
      throw PruningProblems.of("invalid-params", "params.score", "score names one of an embed job's training "
          + "dynamics; give that job as 'scores'");
    }
    if (p.method() != null) {
      if (methods.find(p.method()).isEmpty()) {
        throw PruningProblems.of("unknown-method", "params.method", "no selection method '" + p.method()
            + "'; there are " + methodNames() + ", or give 'scores'");
      }
      for (Map.Entry<String, Object> e : scoredOnly(p).entrySet()) {
        if (e.getValue() != null) {
          throw PruningProblems.of("invalid-params", "params." + e.getKey(), e.getKey()
              + " applies to a selection from scores, not to method '" + p.method() + "'");
        }
      }
    }
    boolean ccs = p.strategy() == null || p.strategy().equals("ccs");
    if (p.fromScores() && !ccs) {
      Map<String, Object> ccsOnly = scoredOnly(p);
      ccsOnly.remove("strategy");
      if ("d2".equals(p.strategy())) { // D2 has a hard cut-off and a difficulty direction too, not strata
        ccsOnly.remove("beta");
        ccsOnly.remove("hardestIsHigh");
      }
      for (Map.Entry<String, Object> e : ccsOnly.entrySet()) {
        if (e.getValue() != null) {
          throw PruningProblems.of("invalid-params", "params." + e.getKey(), e.getKey()
              + " applies to the ccs strategy only, not to " + p.strategy());
        }
      }
    }
  }

  private static Map<String, Object> scoredOnly(Params p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", p.strategy());
    m.put("beta", p.beta());
    m.put("strata", p.strata());
    m.put("hardestIsHigh", p.hardestIsHigh());
    return m;
  }

  private List<String> methodNames() {
    return methods.all().stream().map(SelectionMethod::name).toList();
  }

  @Override
  public void validate(Params p, SubmissionContext submission) {
    validate(p);
    EmbeddingsSource source = EmbeddingsSource.resolve(submission.catalog(), submission.owner(), p.embeddings(),
        "params.embeddings");
    ArtifactRef scores = p.scores() == null ? null : ScoresReference.resolve(jobs, submission.owner(), p.scores(),
        p.score());
    ImportedScoresSource imported = p.scoresDataset() == null ? null : ImportedScoresSource.resolve(
        submission.catalog(), submission.owner(), p.scoresDataset(), source.embeddings().rows());
    long bytes = source.bytes() + (scores == null ? 0 : scores.sizeBytes()) + (imported == null ? 0 : imported.bytes());
    if (!settings.readsAtSubmission(bytes)) {
      return;
    }
    try {
      LabelledEmbeddings data = source.load(submission.artifacts());
      if (scores != null) {
        ScoresReference.checkMatches(ScoresReference.read(submission.artifacts(), scores), data, p.scores());
      }
      if (imported != null) {
        checkImported(imported.load(submission.artifacts(), data), data, imported);
      }
      budgets(p, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkImported(ScoreTable scores, LabelledEmbeddings data, ImportedScoresSource imported) {
    ScoresReference.checkMatches(scores, data, "dataset " + imported.datasetId() + " scores",
        ImportedScoresSource.FIELD);
  }

  /** How the selection package names a class in its messages: by code, which users do not know. */
  private static final java.util.regex.Pattern CLASS_CODE = java.util.regex.Pattern.compile("^class (\\d+)");

  /** Every class's budget, or a 400 naming the class, by its label value, that is too small for it. */
  private static int[] budgets(Params p, LabelledEmbeddings data) {
    try {
      return ClassBudgets.of(data.classSizes(), data.classCodes(), p.pruneRate(), p.budgetRule());
    } catch (IllegalArgumentException e) {
      Matcher m = CLASS_CODE.matcher(e.getMessage());
      String detail = m.lookingAt() ? "class '" + data.classes().get(Integer.parseInt(m.group(1))) + "'"
          + e.getMessage().substring(m.end()) : e.getMessage();
      int[] sizes = data.classSizes();
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < sizes.length; c++) {
        sb.append(c == 0 ? "" : ", ").append(data.classes().get(c)).append(": ").append(sizes[c]);
      }
      throw PruningProblems.classTooSmall("params.pruneRate", detail + "; class sizes " + sb);
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading embeddings");
    EmbeddingsSource source = EmbeddingsSource.resolve(ctx.catalog(), ctx.owner(), p.embeddings(),
        "params.embeddings");
    ArtifactRef scoresRef = p.scores() == null ? null : ScoresReference.resolve(jobs, ctx.owner(), p.scores(), p.score());
    ImportedScoresSource imported = p.scoresDataset() == null ? null : ImportedScoresSource.resolve(ctx.catalog(),
        ctx.owner(), p.scoresDataset(), source.embeddings().rows());
    LabelledEmbeddings data = source.load(ctx.artifacts());
    ScoreTable scores = null;
    if (scoresRef != null) {
      scores = ScoresReference.read(ctx.artifacts(), scoresRef);
      ScoresReference.checkMatches(scores, data, p.scores());
    } else if (imported != null) {
      scores = imported.load(ctx.artifacts(), data);
      checkImported(scores, data, imported);
    }
    int[] budgets = budgets(p, data);
    ctx.checkCancelled();

    ctx.progress(0.3, String.format("selecting %s: %,d samples in %d classes", p.how(), data.size(),
        data.classes().size()));
    SelectionResult scored = null;
    int[] kept;
    if (scores != null && "d2".equals(p.strategy())) {
      D2Params d2 = p.beta() == null ? D2Params.defaults() : D2Params.defaults().withBeta(p.beta());
      scored = new D2Pruning(d2, p.hardestIsHighOrDefault()).prune(new PruningInput(data.floatRows(), data.labels(),
          scores.scores()), new PruningRun(p.pruneRate(), true, p.budgetRule(), ctx.seed())).selection();
      kept = scored.kept().clone();
      java.util.Arrays.sort(kept);
    } else if (scores != null) {
      scored = Selector.select(scores.scores(), data.labels(), p.selectionParams(ctx.seed()));
      kept = scored.kept();
    } else {
      kept = methods.find(p.method()).orElseThrow().keep(new SelectionTask(data, p.pruneRate(), p.budgetRule(),
          budgets, ctx.seed()));
    }
    boolean[] keep = checkedKeep(kept, budgets, data, p.how());
    ctx.checkCancelled();
    Coverage coverage = null;
    if (!Boolean.FALSE.equals(p.coverage())) {
      ctx.progress(0.45, String.format("measuring the coverage of %,d samples by the %,d kept", data.size(),
          kept.length));
      coverage = Coverage.of(CoverageReport.of(data.points(), data.dimension(), data.labels(), keep, ctx.seed()),
          data);
      ctx.checkCancelled();
    }

    ctx.progress(0.6, String.format("writing the %,d kept samples", kept.length));
    ctx.writeArtifact(SelectionTable.CSV, "text/csv",
        SelectionTable.csv(data, keep, scores == null ? null : scores.scores(), scored));
    ctx.writeArtifact(SelectionTable.KEPT, "application/x-npy", SelectionTable.keptNpy(kept));
    Map<String, ClassCount> classes = new LinkedHashMap<>();
    int[] sizes = data.classSizes();
    for (int c = 0; c < sizes.length; c++) {
      classes.put(data.classes().get(c), new ClassCount(sizes[c], budgets[c]));
    }
    String name = p.name() != null ? p.name() : String.format(Locale.ROOT, "%s-%s-prune%s",
        source.embeddings().name(), p.how(), rateText(p.pruneRate()));
    Manifest manifest = new Manifest(TYPE, version(), ctx.seed(), source.datasetIds(), source.sha256(), p.scores(),
        imported == null ? null : imported.datasetId(),
        scoresRef != null ? scoresRef.sha256() : imported != null ? imported.sha256() : null, p.method(), scores == null ? null : p.how(), p.pruneRate(),
        p.budgetRule().name().toLowerCase(Locale.ROOT), scored == null ? null : scored.beta(),
        scored == null ? null : p.selectionParams(0).strata(),
        scored == null ? null : p.selectionParams(0).hardestIsHigh(), classes, kept.length,
        data.size() - kept.length, coverage);
    ctx.writeArtifact("manifest.json", "application/json", json.writeValueAsBytes(manifest));

    ctx.progress(0.8, "registering the subset " + name);
    SubsetPublisher.Published published = SubsetPublisher.publish(ctx, source, kept, name);
    ctx.log(String.format("kept %,d of %,d samples (%s at rate %s); registered dataset %s", kept.length,
        data.size(), p.how(), p.pruneRate(), published.dataset()));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("dataset", published.dataset());
    if (published.labelsDataset() != null) {
      result.put("labelsDataset", published.labelsDataset());
    }
    result.put("name", name);
    result.put("kept", kept.length);
    result.put("pruned", data.size() - kept.length);
    result.put("classes", classes);
    result.put("selection", p.how());
    if (scored != null) {
      result.put("beta", scored.beta());
    }
    if (coverage != null) {
      result.put("coverageAuc", coverage.auc());
    }
    return result;
  }

  /** The kept flags; a method that kept other than its budgets is a bug, refused before anything is written. */
  private static boolean[] checkedKeep(int[] kept, int[] budgets, LabelledEmbeddings data, String how) {
    boolean[] keep = new boolean[data.size()];
    int[] perClass = new int[budgets.length];
    for (int r = 0; r < kept.length; r++) {
      if (kept[r] < 0 || kept[r] >= data.size() || (r > 0 && kept[r] <= kept[r - 1])) {
        throw new IllegalStateException(how + " returned kept ids that are not ascending sample ids");
      }
      keep[kept[r]] = true;
      perClass[data.labels()[kept[r]]]++;
    }
    if (!Arrays.equals(perClass, budgets)) {
      throw new IllegalStateException(how + " kept " + Arrays.toString(perClass) + " per class; the "
          + "budgets are " + Arrays.toString(budgets));
    }
    return keep;
  }

  /** 0.9 → "90", 0.25 → "25", 0.125 → "12.5". */
  private static String rateText(double rate) {
    return BigDecimal.valueOf(rate).movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
