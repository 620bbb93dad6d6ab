package org.trustml.pruning.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.job.Job;
import org.trustml.core.job.JobRepository;
import org.trustml.core.job.JobState;

/**
 * The scores artifact of a {@code pruning.score} job, or a training-dynamics table of a {@code pruning.embed} job, that
 * the same tenant ran and that succeeded; anything else is a 400 naming {@code params.scores}.
 */
final class ScoresReference {

  static final String FIELD = "params.scores";

  private ScoresReference() {}

  /**
   * The scores table of a succeeded job of the tenant: a {@code pruning.score} job's {@value ScoreTable#NAME}, or,
   * with {@code score} ({@code aum}, {@code el2n}, {@code forgetting}), the training dynamics a
   * {@code pruning.embed} job recorded.
   */
  static ArtifactRef resolve(JobRepository jobs, String owner, String jobId, String score) {
    UUID id;
    try {
      id = UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      throw unknown("'" + jobId + "' is not a job id");
    }
    Job job = jobs.find(id, owner).orElseThrow(() -> unknown("no job " + jobId));
    String artifact;
    if (ScoreJob.TYPE.equals(job.type())) {
      if (score != null) {
        throw PruningProblems.of("invalid-params", "params.score", "job " + jobId + " is a " + ScoreJob.TYPE
            + " job with one score; 'score' applies to a " + EmbedJob.TYPE + " job's training dynamics");
      }
      artifact = ScoreTable.NAME;
    } else if (EmbedJob.TYPE.equals(job.type())) {
      if (score == null) {
        throw PruningProblems.of("invalid-params", "params.score", "job " + jobId + " is a " + EmbedJob.TYPE
            + " job: name its score, aum, el2n or forgetting");
      }
      artifact = score + ".csv";
    } else {
      throw unknown("job " + jobId + " is a " + job.type() + " job, not " + ScoreJob.TYPE + " or " + EmbedJob.TYPE);
    }
    if (job.state() != JobState.SUCCEEDED) {
      throw unknown("job " + jobId + " is " + job.state() + "; its scores exist once it SUCCEEDED");
    }
    return job.artifacts().stream().filter(a -> a.name().equals(artifact)).findFirst()
        .orElseThrow(() -> unknown("job " + jobId + " has no " + artifact));
  }

  static ScoreTable read(ArtifactStore store, ArtifactRef ref) throws IOException {
    try (InputStream in = store.open(ref.sha256())) {
      return ScoreTable.read(in);
    } catch (IllegalArgumentException e) {
      throw unknown(ScoreTable.NAME + " is not a scores table: " + e.getMessage());
    }
  }

  /** The scores belong to these embeddings: one per sample, with the same labels. */
  static void checkMatches(ScoreTable scores, LabelledEmbeddings data, String jobId) {
    checkMatches(scores, data, "job " + jobId + " scored", FIELD);
  }

  /**
   * The same for scores from any source.
   *
   * @param source says where the scores come from, completed by "… sample i with label …"
   */
  static void checkMatches(ScoreTable scores, LabelledEmbeddings data, String source, String field) {
    if (scores.scores().length != data.size()) {
      throw PruningProblems.sizeMismatch(field, source + " " + scores.scores().length
          + " samples; the embeddings have " + data.size());
    }
    for (int i = 0; i < data.size(); i++) {
      if (!scores.labels().get(i).equals(data.labelOf(i))) {
        throw PruningProblems.of("scores-mismatch", field, source + " sample " + i + " with label '"
            + scores.labels().get(i) + "'; the embeddings label it '" + data.labelOf(i)
            + "' (were the scores computed for other data?)");
      }
    }
  }

  private static RuntimeException unknown(String detail) {
    return PruningProblems.of("unknown-scores", FIELD, detail);
  }
}
