package org.trustml.pruning.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.dataset.NpyArray;
import org.trustml.core.dataset.NpyReader;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jobs a {@code pruning.diagnose} job explains: a succeeded {@code pruning.score} job of the tenant, and
 * optionally a succeeded {@code pruning.select} job of the same tenant on the same embeddings (same content
 * digests). Anything else is a 400 naming the parameter.
 */
final class DiagnosisInputs {

  static final String SCORES = "params.scores";
  static final String SELECTION = "params.selection";

  private DiagnosisInputs() {}

  /** A succeeded job of the given type and tenant, or a 400 {@code code} naming {@code field}. */
  static Job succeeded(JobRepository jobs, String owner, String jobId, String type, String code, String field) {
    UUID id;
    try {
      id = UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw PruningProblems.of(code, field, "'" + jobId + "' is not a job id");
    }
    Job job = jobs.find(id, owner).orElseThrow(() -> PruningProblems.of(code, field, "no job " + jobId));
    if (!type.equals(job.type())) {
      throw PruningProblems.of(code, field, "job " + jobId + " is a " + job.type() + " job, not " + type);
    }
    if (job.state() != JobState.SUCCEEDED) {
      throw PruningProblems.of(code, field, "job " + jobId + " is " + job.state() + "; it can be diagnosed once it "
          + "SUCCEEDED");
    }
    return job;
  }

  static ArtifactRef artifact(Job job, String name, String code, String field) {
    return optionalArtifact(job, name)
        .orElseThrow(() -> PruningProblems.of(code, field, "job " + job.id() + " has no " + name));
  }

  static Optional<ArtifactRef> optionalArtifact(Job job, String name) {
    return job.artifacts().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * The coordinates a score job stored ({@value ScoreJob#MANIFOLD}) as row-major doubles with their dimension, or
   * null for a score job from before that artifact.
   */
  static StoredManifold storedManifold(ArtifactStore store, Job job, int n) throws IOException {
    ArtifactRef ref = optionalArtifact(job, ScoreJob.MANIFOLD).orElse(null);
    if (ref == null) {
      return null;
    }
    NpyArray stored;
    try (InputStream in = store.open(ref.sha256())) {
      stored = NpyReader.readFloats(in);
    }
    if (stored.shape().length != 2 || stored.shape()[0] != n) {
      throw new IllegalStateException("job " + job.id() + "'s " + ScoreJob.MANIFOLD + " has shape "
          + Arrays.toString(stored.shape()) + " for " + n + " samples");
    }
    return new StoredManifold(stored.doubles(), stored.shape()[1]);
  }

  /** Row-major coordinates and their dimension. */
  record StoredManifold(double[] values, int dimension) {}

  /** The content digests of the datasets a score or select job read, from its manifest. */
  static List<String> datasetDigests(ArtifactStore store, JsonMapper json, Job job, String code, String field)
      throws IOException {
    JsonNode manifest;
    try (InputStream in = store.open(artifact(job, "manifest.json", code, field).sha256())) {
      manifest = json.readTree(in);
    }
    List<String> digests = new ArrayList<>();
    JsonNode sha = manifest.get("sha256");
    if (sha == null || !sha.isArray()) {
      throw PruningProblems.of(code, field, "job " + job.id() + "'s manifest names no dataset digests");
    }
    sha.forEach(s -> digests.add(s.asString()));
    return digests;
  }

  /** The kept flags of a select job's {@value SelectionTable#KEPT} over n samples. */
  static boolean[] kept(ArtifactStore store, ArtifactRef ref, int n, String jobId) throws IOException {
    int[] ids;
    try (InputStream in = store.open(ref.sha256())) {
      ids = NpyReader.readInts(in).data();
    }
    boolean[] kept = new boolean[n];
    for (int id : ids) {
      if (id < 0 || id >= n || kept[id]) {
        throw PruningProblems.of("selection-mismatch", SELECTION, "job " + jobId + " kept sample " + id
            + (id >= 0 && id < n ? " twice" : "; the embeddings have " + n + " samples"));
      }
      kept[id] = true;
    }
    return kept;
  }
}
