package org.trustml.pruning.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.SubmissionContext;
import org.trustml.pruning.diagnostics.DiagnosticsParams;
import org.trustml.pruning.diagnostics.DiagnosticsPlot;
import org.trustml.pruning.diagnostics.DiagnosticsReport;
import org.trustml.pruning.diagnostics.TopologyDiagnostics;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a score (and a selection) came out as they did: per class the Vietoris–Rips diagram (H0, H1) of the class's
 * points on max-min landmarks, its Betti curves, a histogram of the scores with the kept counts, and a 2-D map with
 * the kept samples marked. Reads a {@code pruning.score} job (its scores and the embeddings it read; the manifold
 * coordinates are recomputed from its switches and seed, which reproduces them exactly) and optionally a
 * {@code pruning.select} job on the same embeddings. Writes {@value #JSON}, {@value #PNG} and {@code manifest.json};
 * fetch them with {@code GET /api/v1/pruning/jobs/{id}/artifacts/diagnostics.json}.
 */
@Component
public class DiagnoseJob implements JobHandler<DiagnoseJob.Params> {

  /** The job type. */
  public static final String TYPE = "pruning.diagnose";
  static final String JSON = "diagnostics.json";
  static final String PNG = "diagnostics.png";

  /**
   * @param scores      id of a succeeded {@code pruning.score} job of the tenant
   * @param selection   id of a succeeded {@code pruning.select} job on the same embeddings; absent = no kept counts
   * @param maxPoints   landmarks per class for the diagram, default 400
   * @param bins        score histogram bins per class, default 20
   * @param mapPoints   samples in the 2-D map, default 5,000
   * @param curvePoints radii of the Betti curves, default 64
   * @param space       {@code manifold} (default: the coordinates the score used) or {@code latent}
   */
  public record Params(
      @NotBlank String scores,
      String selection,
      @Min(3) @Max(2_000) Integer maxPoints,
      @Min(1) @Max(1_000) Integer bins,
      @Min(1) @Max(100_000) Integer mapPoints,
      @Min(2) @Max(1_000) Integer curvePoints,
      @Pattern(regexp = "manifold|latent") String space) {

    DiagnosticsParams resolved() {
      DiagnosticsParams d = DiagnosticsParams.defaults();
      return new DiagnosticsParams(maxPoints != null ? maxPoints : d.maxPoints(), bins != null ? bins : d.bins(),
          mapPoints != null ? mapPoints : d.mapPoints(), curvePoints != null ? curvePoints : d.curvePoints(),
          space != null ? DiagnosticsParams.Space.valueOf(space.toUpperCase(Locale.ROOT)) : d.space());
    }

    /** Every parameter set, absent ones to their defaults, as the manifest records them. */
    Params withDefaults() {
      DiagnosticsParams r = resolved();
      return new Params(scores, selection, r.maxPoints(), r.bins(), r.mapPoints(), r.curvePoints(),
          r.space().name().toLowerCase(Locale.ROOT));
    }
  }

  /** The inputs, switches and timings of one diagnosis. */
  record Manifest(String type, String version, long seed, String scoresJob, long scoresSeed, String selectionJob,
      List<String> datasets, List<String> sha256, String scoresSha256, String keptSha256, Params params,
      ManifoldSettings manifold, Map<String, Double> seconds) {}

  /** What a score job read and computed. */
  private record Scored(Job job, ScoreJob.Params params, EmbeddingsSource source, ArtifactRef scores) {}

  private final PruningJobSettings settings;
  private final JobRepository jobs;
  private final JsonMapper json;

  public DiagnoseJob(PruningJobSettings settings, JobRepository jobs, JsonMapper json) {
    this.settings = settings;
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
  public void validate(Params p, SubmissionContext submission) {
    try {
      Scored scored = scored(p, submission.owner(), submission.catalog(), submission.artifacts());
      if (p.selection() != null) {
        selection(p, submission.owner(), submission.artifacts(), scored);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The score job, its parameters, the embeddings it read (unchanged since: same digests) and its scores. */
  private Scored scored(Params p, String owner, CatalogClient catalog, ArtifactStore store) throws IOException {
    Job job = DiagnosisInputs.succeeded(jobs, owner, p.scores(), ScoreJob.TYPE, "unknown-scores",
        DiagnosisInputs.SCORES);
    ScoreJob.Params params = json.treeToValue(job.params(), ScoreJob.Params.class);
    EmbeddingsSource source = EmbeddingsSource.resolve(catalog, owner, params.embeddings(), DiagnosisInputs.SCORES);
    List<String> scoredDigests = DiagnosisInputs.datasetDigests(store, json, job, "unknown-scores",
        DiagnosisInputs.SCORES);
    if (!scoredDigests.equals(source.sha256())) {
      throw PruningProblems.of("scores-mismatch", DiagnosisInputs.SCORES, "job " + p.scores() + " scored datasets "
          + "with digests " + scoredDigests + "; the catalog's " + source.datasetIds() + " now hold "
          + source.sha256());
    }
    ArtifactRef scores = DiagnosisInputs.artifact(job, ScoreTable.NAME, "unknown-scores", DiagnosisInputs.SCORES);
    return new Scored(job, params, source, scores);
  }

  /** The select job's kept ids, after checking it selected from the embeddings the score job read. */
  private ArtifactRef selection(Params p, String owner, ArtifactStore store, Scored scored) throws IOException {
    Job job = DiagnosisInputs.succeeded(jobs, owner, p.selection(), SelectJob.TYPE, "unknown-selection",
        DiagnosisInputs.SELECTION);
    List<String> digests = DiagnosisInputs.datasetDigests(store, json, job, "unknown-selection",
        DiagnosisInputs.SELECTION);
    if (!digests.equals(scored.source().sha256())) {
      throw PruningProblems.of("selection-mismatch", DiagnosisInputs.SELECTION, "job " + p.selection()
          + " selected from datasets with digests " + digests + "; score job " + p.scores() + " scored "
          + scored.source().sha256());
    }
    return DiagnosisInputs.artifact(job, SelectionTable.KEPT, "unknown-selection", DiagnosisInputs.SELECTION);
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading the score job's embeddings and scores");
    long started = System.nanoTime();
    Scored scored = scored(p, ctx.owner(), ctx.catalog(), ctx.artifacts());
    ArtifactRef keptRef = p.selection() == null ? null : selection(p, ctx.owner(), ctx.artifacts(), scored);
    LabelledEmbeddings data = scored.source().load(ctx.artifacts());
    ScoreTable scores = ScoresReference.read(ctx.artifacts(), scored.scores());
    ScoresReference.checkMatches(scores, data, "job " + p.scores() + " scored", DiagnosisInputs.SCORES);
    boolean[] kept = keptRef == null ? null : DiagnosisInputs.kept(ctx.artifacts(), keptRef, data.size(),
        p.selection());
    DiagnosticsParams params = p.resolved();
    DiagnoseProgress progress = new DiagnoseProgress(ctx, data.size());
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put("read", lap(started));
    ctx.checkCancelled();

    ctx.progress(DiagnoseProgress.LOADED, String.format(Locale.ROOT, "manifold as job %s computed it: %,d samples",
        p.scores(), data.size()));
    started = System.nanoTime();
    ManifoldSettings manifoldSettings = scored.params().manifoldOrDefaults();
    ManifoldParams manifoldParams = manifoldSettings.toParams(scored.job().seed(), settings.threads());
    ManifoldEmbedding manifold = storedManifold(scored.job(), data, manifoldParams, ctx.artifacts());
    if (manifold == null) {
      // a score job from before manifold.npy: its stage is deterministic for a seed and any thread count, so
      // rerunning it with the job's switches and seed gives the coordinates the scores were computed on
      manifold = ManifoldStage.run(data.points(), data.dimension(), data.labels(), manifoldParams, progress);
    }
    seconds.put("manifold", lap(started));

    started = System.nanoTime();
    DiagnosticsReport report = TopologyDiagnostics.run(new TopologyDiagnostics.Input(manifold, data.labels(),
        data.classes(), scores.scores(), kept, manifoldParams.scope() == ManifoldParams.Scope.PER_CLASS), params,
        ctx.seed(), settings.threads(), progress);
    seconds.put("diagnostics", lap(started));

    ctx.progress(DiagnoseProgress.CLASSES_DONE, "rendering " + PNG);
    started = System.nanoTime();
    byte[] png = DiagnosticsPlot.png(report, "pruning.diagnose of score job " + p.scores()
        + (p.selection() == null ? "" : " and select job " + p.selection()) + " (" + report.space() + ")");
    seconds.put("render", lap(started));
    ctx.checkCancelled();

    ctx.writeArtifact(JSON, "application/json", json.writeValueAsBytes(report));
    ctx.writeArtifact(PNG, "image/png", png);
    Manifest manifest = new Manifest(TYPE, version(), ctx.seed(), p.scores(), scored.job().seed(), p.selection(),
        scored.source().datasetIds(), scored.source().sha256(), scored.scores().sha256(),
        keptRef == null ? null : keptRef.sha256(), p.withDefaults(), manifoldSettings, seconds);
    ctx.writeArtifact("manifest.json", "application/json", json.writeValueAsBytes(manifest));
    ctx.log(String.format(Locale.ROOT, "diagnosed %,d samples in %d classes: manifold %.2f s, diagnostics %.2f s, "
        + "rendering %.2f s", data.size(), report.classes().size(), seconds.get("manifold"),
        seconds.get("diagnostics"), seconds.get("render")));
    return result(report, seconds);
  }

  /** The coordinates the score job stored with the latent as it read them, or null for an older score job. */
  private static ManifoldEmbedding storedManifold(Job job, LabelledEmbeddings data, ManifoldParams params,
      ArtifactStore store) throws IOException {
    DiagnosisInputs.StoredManifold stored = DiagnosisInputs.storedManifold(store, job, data.size());
    if (stored == null) {
      return null;
    }
    double[] latent = params.normalize() == ManifoldParams.Normalization.L2
        ? ManifoldStage.l2Normalized(data.points(), data.dimension()) : data.points().clone();
    return new ManifoldEmbedding(latent, data.dimension(), stored.values(), stored.dimension());
  }

  private static Map<String, Object> result(DiagnosticsReport report, Map<String, Double> seconds) {
    Map<String, Object> classes = new LinkedHashMap<>();
    for (DiagnosticsReport.ClassReport c : report.classes()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("samples", c.samples());
      if (c.kept() != null) {
        one.put("kept", c.kept());
      }
      one.put("landmarks", c.landmarks());
      one.put("coveringRadius", c.coveringRadius());
      one.put("h1Bars", c.h1().finite().length);
      one.put("longestH1", c.h1().longest());
      classes.put(c.label(), one);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("space", report.space());
    result.put("classes", classes);
    result.put("mapPoints", report.map().ids().length);
    result.put("artifacts", List.of(JSON, PNG, "manifest.json"));
    result.put("seconds", seconds);
    return result;
  }

  private static double lap(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
