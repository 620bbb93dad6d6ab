package org.trustml.pruning.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.trustml.core.dataset.NpyWriter;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.pruning.manifold.ManifoldEmbedding;
import org.trustml.pruning.manifold.ManifoldParams;
import org.trustml.pruning.manifold.ManifoldStage;
import org.trustml.pruning.score.LocalScoreParams;
import org.trustml.pruning.score.StructuralComplexityScorer;
import tools.jackson.databind.json.JsonMapper;

/**
 * TopoPrune's score of every sample of a catalog embeddings dataset: the global manifold stage (UMAP per class or
 * globally), then the local topological score of each sample's patch. Writes {@value ScoreTable#NAME} (index,
 * label, score) and {@code manifest.json} (inputs, seed, every switch as resolved); a {@code pruning.select} job
 * turns the scores into a subset. Seeded by the job's seed; the thread count does not change the scores.
 */
@Component
public class ScoreJob implements JobHandler<ScoreJob.Params> {

  /** The job type. */
  public static final String TYPE = "pruning.score";

  /** The global stage's coordinates the scores were computed on, n x d float32 in the embeddings' row order. */
  public static final String MANIFOLD = "manifold.npy";

  /**
   * @param embeddings the data to score
   * @param manifold   the global stage's switches; absent = the note's defaults
   * @param local      the local score's switches; absent = the note's defaults
   */
  public record Params(@NotNull @Valid EmbeddingsInput embeddings, @Valid ManifoldSettings manifold,
      @Valid LocalSettings local) {

    ManifoldSettings manifoldOrDefaults() {
      return manifold == null ? ManifoldSettings.defaultSettings() : manifold.resolved();
    }

    LocalSettings localOrDefaults() {
      return local == null ? LocalSettings.defaultSettings() : local.resolved();
    }
  }

  /** What the manifest records: enough to rerun the job and to know which reconstruction choices made the scores. */
  record Manifest(String type, String version, long seed, List<String> datasets, List<String> sha256, int samples,
      int dimension, Map<String, Integer> classSizes, ManifoldSettings manifold, LocalSettings local) {}

  private final PruningJobSettings settings;
  private final JsonMapper json;

  public ScoreJob(PruningJobSettings settings, JsonMapper json) {
    this.settings = settings;
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
    try {
      p.manifoldOrDefaults().toParams(0, 1);
      p.localOrDefaults().toParams(1);
    } catch (IllegalArgumentException e) {
      throw PruningProblems.of("invalid-params", "params", e.getMessage());
    }
  }

  @Override
  public void validate(Params p, SubmissionContext submission) {
    validate(p);
    EmbeddingsSource source = EmbeddingsSource.resolve(submission.catalog(), submission.owner(), p.embeddings(),
        "params.embeddings");
    if (settings.readsAtSubmission(source.bytes())) {
      try {
        source.load(submission.artifacts());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws IOException {
    ctx.progress(0, "reading embeddings");
    EmbeddingsSource source = EmbeddingsSource.resolve(ctx.catalog(), ctx.owner(), p.embeddings(),
        "params.embeddings");
    LabelledEmbeddings data = source.load(ctx.artifacts());
    ctx.checkCancelled();
    ManifoldParams manifoldParams = p.manifoldOrDefaults().toParams(ctx.seed(), settings.threads());
    LocalScoreParams localParams = p.localOrDefaults().toParams(settings.threads());
    ScoreProgress progress = new ScoreProgress(ctx, data.size());
    ctx.progress(ScoreProgress.LOADED, String.format("manifold: %,d samples in %d classes", data.size(),
        data.classes().size()));

    long started = System.nanoTime();
    ManifoldEmbedding manifold = ManifoldStage.run(data.points(), data.dimension(), data.labels(), manifoldParams,
        progress);
    double manifoldSeconds = (System.nanoTime() - started) / 1e9;
    ctx.checkCancelled();
    started = System.nanoTime();
    double[] scores = StructuralComplexityScorer.score(manifold, data.labels(), manifoldParams.scope(), localParams,
        ctx.seed(), progress::patchDone);
    double localSeconds = (System.nanoTime() - started) / 1e9;
    ctx.checkCancelled();

    ctx.progress(ScoreProgress.LOCAL_DONE, "writing scores");
    ctx.writeArtifact(ScoreTable.NAME, "text/csv", ScoreTable.of(data, scores).toCsv());
    ctx.writeArtifact(MANIFOLD, "application/x-npy", NpyWriter.float32(manifold.embedded(), data.size(),
        manifold.dimension()));
    Map<String, Integer> classSizes = new LinkedHashMap<>();
    int[] sizes = data.classSizes();
    for (int c = 0; c < sizes.length; c++) {
      classSizes.put(data.classes().get(c), sizes[c]);
    }
    Manifest manifest = new Manifest(TYPE, version(), ctx.seed(), source.datasetIds(), source.sha256(),
        data.size(), data.dimension(), classSizes, p.manifoldOrDefaults(), p.localOrDefaults());
    ctx.writeArtifact("manifest.json", "application/json", json.writeValueAsBytes(manifest));
    ctx.log(String.format("scored %,d samples: manifold %.2f s, local persistence %.2f s", data.size(),
        manifoldSeconds, localSeconds));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("samples", data.size());
    result.put("dimension", data.dimension());
    result.put("classes", classSizes);
    result.put("scores", ScoreSummary.of(scores, data));
    result.put("manifoldSeconds", manifoldSeconds);
    result.put("localSeconds", localSeconds);
    return result;
  }
}
