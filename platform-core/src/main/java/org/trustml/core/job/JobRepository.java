package org.trustml.core.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trustml.core.artifact.ArtifactRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every SQL statement on a service's job tables. State changes that must go together (a state and its history
 * entry) are one statement each, so a crash between them is impossible; every write by a worker is guarded by
 * {@code claimed_by} and {@code attempt}, so an attempt that lost its lease cannot overwrite its successor.
 */
public class JobRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final String service;

  public JobRepository(JdbcClient jdbc, JsonMapper json, String service) {
    this.jdbc = jdbc;
    this.json = json;
    this.service = service;
  }

  /** A new job row, or empty when the owner already used the idempotency key. */
  public record NewJob(
      UUID id, String type, String owner, String paramsJson, long seed, int priority, String requestHash,
      String idempotencyKey, int maxAttempts) {}

  public boolean insert(NewJob j) {
    if (j.idempotencyKey() != null) {
      // a key past its 24 h lifetime may be used again
      jdbc.sql("""
          UPDATE job SET idempotency_key = NULL
           WHERE owner = :owner AND idempotency_key = :key AND idempotency_expires < now()""")
          .param("owner", j.owner()).param("key", j.idempotencyKey()).update();
    }
    return jdbc.sql("""
        WITH ins AS (
          INSERT INTO job (id, type, owner, state, priority, params, seed, request_hash, idempotency_key,
                           max_attempts, idempotency_expires)
          VALUES (:id, :type, :owner, 'QUEUED', :priority, CAST(:params AS jsonb), :seed, :hash, :key,
                  :maxAttempts, now() + interval '24 hours')
          ON CONFLICT (owner, idempotency_key) DO NOTHING
          RETURNING id)
        INSERT INTO job_event (job_id, state, message) SELECT id, 'QUEUED', 'submitted' FROM ins
        RETURNING job_id""")
        .param("id", j.id()).param("type", j.type()).param("owner", j.owner())
        .param("priority", j.priority()).param("params", j.paramsJson()).param("seed", j.seed())
        .param("hash", j.requestHash()).param("key", j.idempotencyKey()).param("maxAttempts", j.maxAttempts())
        .query(UUID.class).optional().isPresent();
  }

  /** The job an idempotency key already created, and the hash of the request that created it. */
  public record KeyedJob(UUID id, String requestHash) {}

  public Optional<KeyedJob> findByIdempotencyKey(String owner, String key) {
    return jdbc.sql("SELECT id, request_hash FROM job WHERE owner = :owner AND idempotency_key = :key")
        .param("owner", owner).param("key", key)
        .query((rs, n) -> new KeyedJob(rs.getObject(1, UUID.class), rs.getString(2))).optional();
  }

  /** Claims the oldest ready job of the given types for a worker, or empty when none is ready. */
  public Optional<ClaimedJob> claim(Collection<String> types, String worker, long leaseMillis) {
    return jdbc.sql("""
        WITH claimed AS (
          UPDATE job SET state = 'RUNNING', claimed_by = :worker, attempt = attempt + 1,
                 lease_until = now() + make_interval(secs => :lease), heartbeat_at = now(),
                 started_at = coalesce(started_at, now()), progress_fraction = 0, progress_stage = 'started'
           WHERE id = (SELECT id FROM job
                        WHERE state = 'QUEUED' AND run_after <= now() AND type IN (:types)
                        ORDER BY priority DESC, created_at
                        LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, type, owner, params, seed, attempt, created_at),
        ev AS (INSERT INTO job_event (job_id, state, message)
               SELECT id, 'RUNNING', 'attempt ' || attempt || ' on ' || :worker FROM claimed)
        SELECT id, type, owner, params::text AS params, seed, attempt, created_at FROM claimed""")
        .param("worker", worker).param("lease", leaseMillis / 1000.0).param("types", types)
        .query((rs, n) -> new ClaimedJob(
            rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("owner"), rs.getString("params"),
            rs.getLong("seed"), rs.getInt("attempt"), rs.getObject("created_at", OffsetDateTime.class)))
        .optional();
  }

  /**
   * Renews the lease and records progress. Empty when this attempt no longer owns the job (the lease expired and
   * the reaper took it back); otherwise the job's state, CANCELLING when the user asked to stop.
   */
  public Optional<JobState> heartbeat(UUID id, String worker, int attempt, long leaseMillis, JobProgress p) {
    return jdbc.sql("""
        UPDATE job SET lease_until = now() + make_interval(secs => :lease), heartbeat_at = now(),
               progress_fraction = :fraction, progress_stage = :stage
         WHERE id = :id AND claimed_by = :worker AND attempt = :attempt AND state IN ('RUNNING', 'CANCELLING')
        RETURNING state""")
        .param("lease", leaseMillis / 1000.0).param("fraction", p.fraction()).param("stage", p.stage())
        .param("id", id).param("worker", worker).param("attempt", attempt)
        .query((rs, n) -> JobState.valueOf(rs.getString(1))).optional();
  }

  /** Records progress without touching the lease (frequent, cheap updates for the event stream). */
  public void progress(UUID id, String worker, int attempt, JobProgress p) {
    jdbc.sql("""
        UPDATE job SET progress_fraction = :fraction, progress_stage = :stage
         WHERE id = :id AND claimed_by = :worker AND attempt = :attempt AND state IN ('RUNNING', 'CANCELLING')""")
        .param("fraction", p.fraction()).param("stage", p.stage())
        .param("id", id).param("worker", worker).param("attempt", attempt).update();
  }

  /** Ids among {@code ids} whose cancellation was requested. */
  public List<UUID> cancelRequested(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT id FROM job WHERE id IN (:ids) AND cancel_requested")
        .param("ids", ids).query(UUID.class).list();
  }

  /**
   * Ends an attempt. A job whose cancellation was requested ends CANCELLED even if its handler went on to succeed.
   * Empty when the attempt no longer owns the job: nothing was written and the caller must discard its outputs.
   */
  public Optional<JobState> finish(UUID id, String worker, int attempt, JobState finalState, String resultJson,
      String errorJson, String versionsJson, String timingsJson, String message) {
    return jdbc.sql("""
        WITH target AS (
          SELECT id, CASE WHEN :state = 'SUCCEEDED' AND cancel_requested THEN 'CANCELLED' ELSE :state END AS final
            FROM job
           WHERE id = :id AND claimed_by = :worker AND attempt = :attempt AND state IN ('RUNNING', 'CANCELLING')
             FOR UPDATE),
        done AS (
          UPDATE job j SET state = t.final, finished_at = now(), lease_until = NULL,
                 result = CASE WHEN t.final = 'SUCCEEDED' THEN CAST(:result AS jsonb) END,
                 error = CAST(:error AS jsonb),
                 versions = CAST(:versions AS jsonb), timings = CAST(:timings AS jsonb),
                 progress_fraction = CASE WHEN t.final = 'SUCCEEDED' THEN 1 ELSE j.progress_fraction END,
                 progress_stage = CASE WHEN t.final = 'SUCCEEDED' THEN 'done' ELSE j.progress_stage END
            FROM target t WHERE j.id = t.id
          RETURNING j.id, j.state),
        ev AS (INSERT INTO job_event (job_id, state, message)
               SELECT id, state, CASE WHEN state = :state THEN :message ELSE 'cancelled' END FROM done)
        SELECT state FROM done""")
        .param("state", finalState.name()).param("result", resultJson).param("error", errorJson)
        .param("versions", versionsJson).param("timings", timingsJson).param("message", message)
        .param("id", id).param("worker", worker).param("attempt", attempt)
        .query((rs, n) -> JobState.valueOf(rs.getString(1))).optional();
  }

  /**
   * Puts a job this worker still owns back in the queue (graceful shutdown). The attempt number stays used (so what
   * the released attempt wrote can never pass for a later attempt's), but it does not count against max_attempts.
   */
  public boolean release(UUID id, String worker, int attempt) {
    return jdbc.sql("""
        WITH rel AS (
          UPDATE job SET state = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'QUEUED' END,
                 finished_at = CASE WHEN cancel_requested THEN now() END,
                 claimed_by = NULL, lease_until = NULL, released = released + 1
           WHERE id = :id AND claimed_by = :worker AND attempt = :attempt AND state IN ('RUNNING', 'CANCELLING')
          RETURNING id, state)
        INSERT INTO job_event (job_id, state, message) SELECT id, state, 'released by a worker shutting down' FROM rel
        RETURNING job_id""")
        .param("id", id).param("worker", worker).param("attempt", attempt)
        .query(UUID.class).optional().isPresent();
  }

  /** Asks a job to stop: QUEUED ends at once, RUNNING becomes CANCELLING. Empty if the owner has no such job. */
  public Optional<JobState> requestCancel(UUID id, String owner) {
    Optional<JobState> changed = jdbc.sql("""
        WITH c AS (
          UPDATE job SET cancel_requested = true,
                 state = CASE WHEN state = 'QUEUED' THEN 'CANCELLED' ELSE 'CANCELLING' END,
                 finished_at = CASE WHEN state = 'QUEUED' THEN now() ELSE finished_at END
           WHERE id = :id AND owner = :owner AND state IN ('QUEUED', 'RUNNING')
          RETURNING id, state),
        ev AS (INSERT INTO job_event (job_id, state, message) SELECT id, state, 'cancel requested' FROM c)
        SELECT state FROM c""")
        .param("id", id).param("owner", owner)
        .query((rs, n) -> JobState.valueOf(rs.getString(1))).optional();
    if (changed.isPresent()) {
      return changed;
    }
    return state(id, owner);
  }

  public Optional<JobState> state(UUID id, String owner) {
    return jdbc.sql("SELECT state FROM job WHERE id = :id AND owner = :owner")
        .param("id", id).param("owner", owner)
        .query((rs, n) -> JobState.valueOf(rs.getString(1))).optional();
  }

  /** State and progress of a job and who owns it: what the event stream polls. */
  public record Snapshot(String owner, JobState state, JobProgress progress, int attempt) {}

  public Optional<Snapshot> snapshot(UUID id) {
    return jdbc.sql("SELECT owner, state, progress_fraction, progress_stage, attempt FROM job WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> new Snapshot(rs.getString(1), JobState.valueOf(rs.getString(2)),
            new JobProgress(rs.getDouble(3), rs.getString(4)), rs.getInt(5)))
        .optional();
  }

  /** One outcome of a reaper pass. */
  public record Reaped(UUID id, String type, JobState state) {}

  /**
   * Takes back jobs whose lease expired: requeued with back-off while attempts remain, FAILED after the last one;
   * an expired CANCELLING job is CANCELLED. Safe to run on every replica at once.
   */
  public List<Reaped> reapExpiredLeases(long backoffBaseMillis) {
    return jdbc.sql("""
        WITH expired AS (
          SELECT id FROM job WHERE state IN ('RUNNING', 'CANCELLING') AND lease_until < now()
           FOR UPDATE SKIP LOCKED),
        upd AS (
          UPDATE job j SET
                 state = CASE WHEN j.state = 'CANCELLING' THEN 'CANCELLED'
                              WHEN j.attempt - j.released >= j.max_attempts THEN 'FAILED' ELSE 'QUEUED' END,
                 claimed_by = NULL, lease_until = NULL,
                 run_after = now() + make_interval(secs => least(600, :backoff * power(2, j.attempt - 1))),
                 finished_at = CASE WHEN j.state = 'CANCELLING' OR j.attempt - j.released >= j.max_attempts
                                    THEN now() END,
                 error = CASE WHEN j.state <> 'CANCELLING' AND j.attempt - j.released >= j.max_attempts THEN
                   jsonb_build_object('type', 'urn:trustml:problem:lease-expired', 'title', 'Lease expired',
                     'status', 500, 'detail', 'the worker running attempt ' || (j.attempt - j.released) || ' of '
                     || j.max_attempts || ' stopped renewing its lease') END
            FROM expired WHERE j.id = expired.id
          RETURNING j.id, j.type, j.state),
        ev AS (INSERT INTO job_event (job_id, state, message) SELECT id, state, 'lease expired' FROM upd)
        SELECT id, type, state FROM upd""")
        .param("backoff", backoffBaseMillis / 1000.0)
        .query((rs, n) -> new Reaped(rs.getObject(1, UUID.class), rs.getString(2), JobState.valueOf(rs.getString(3))))
        .list();
  }

  private static final String STILL_OWNED = """
      EXISTS (SELECT 1 FROM job WHERE id = :id AND claimed_by = :worker AND attempt = :attempt
                                  AND state IN ('RUNNING', 'CANCELLING'))""";

  /** Appends a log line while the attempt still owns the job; a stale attempt's lines are dropped. */
  public void appendLog(UUID id, String worker, int attempt, String line) {
    jdbc.sql("INSERT INTO job_log (job_id, line) SELECT :id, :line WHERE " + STILL_OWNED)
        .param("id", id).param("line", line).param("worker", worker).param("attempt", attempt).update();
  }

  public List<String> logs(UUID id) {
    return jdbc.sql("SELECT at, line FROM job_log WHERE job_id = :id ORDER BY seq")
        .param("id", id)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class) + " " + rs.getString(2)).list();
  }

  /**
   * Records an output of an attempt that still owns the job. Returns false when it no longer does (its lease was
   * taken back or it was released), in which case nothing was recorded.
   */
  public boolean recordArtifact(UUID id, String worker, int attempt, ArtifactRef ref) {
    return jdbc.sql("WITH owned AS (SELECT 1 WHERE " + STILL_OWNED + ")" + """
        INSERT INTO job_artifact (job_id, attempt, name, sha256, size_bytes, media_type)
        SELECT :id, :attempt, :name, :sha, :size, :media FROM owned
        ON CONFLICT (job_id, attempt, name) DO UPDATE
          SET sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes, media_type = EXCLUDED.media_type""")
        .param("id", id).param("attempt", attempt).param("worker", worker).param("name", ref.name())
        .param("sha", ref.sha256()).param("size", ref.sizeBytes()).param("media", ref.mediaType()).update() == 1;
  }

  /** Artifacts of the attempt that finished the job (or of the current attempt while it runs). */
  public List<ArtifactRef> artifacts(UUID id) {
    return jdbc.sql("""
        SELECT a.sha256, a.size_bytes, a.media_type, a.name FROM job_artifact a JOIN job j ON j.id = a.job_id
         WHERE a.job_id = :id AND a.attempt = j.attempt ORDER BY a.name""")
        .param("id", id)
        .query((rs, n) -> new ArtifactRef(rs.getString(1).trim(), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  public List<JobEvent> history(UUID id) {
    return jdbc.sql("SELECT at, state, message FROM job_event WHERE job_id = :id ORDER BY seq")
        .param("id", id)
        .query((rs, n) -> new JobEvent(rs.getObject(1, OffsetDateTime.class), JobState.valueOf(rs.getString(2)),
            rs.getString(3)))
        .list();
  }

  private static final String COLUMNS = """
      id, type, owner, state, params::text AS params, seed, priority, attempt, max_attempts, cancel_requested,
      progress_fraction, progress_stage, result::text AS result, error::text AS error, versions::text AS versions,
      timings::text AS timings, created_at, started_at, finished_at""";

  /** The job with its history and artifacts, if the owner has it. */
  public Optional<Job> find(UUID id, String owner) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = :id AND owner = :owner")
        .param("id", id).param("owner", owner)
        .query(this::summaryRow).optional()
        .map(j -> withDetails(j, history(id), artifacts(id), j.state() == JobState.QUEUED ? queuePosition(j) : null));
  }

  /** Jobs of an owner, newest first, keyset-paginated on (created_at, id). */
  public List<Job> list(String owner, JobState state, String type, OffsetDateTime beforeCreated, UUID beforeId,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM job WHERE owner = :owner");
    if (state != null) {
      sql.append(" AND state = :state");
    }
    if (type != null) {
      sql.append(" AND type = :type");
    }
    if (beforeCreated != null) {
      sql.append(" AND (created_at, id) < (:beforeCreated, :beforeId)");
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("owner", owner).param("limit", limit);
    if (state != null) {
      spec = spec.param("state", state.name());
    }
    if (type != null) {
      spec = spec.param("type", type);
    }
    if (beforeCreated != null) {
      spec = spec.param("beforeCreated", beforeCreated).param("beforeId", beforeId);
    }
    return spec.query(this::summaryRow).list();
  }

  /** How many jobs of a type wait in the queue. */
  public record QueueDepth(String type, long queued) {}

  /** Queued jobs per type (the queue depth gauge reads this; the autoscaler runs the same count). */
  public List<QueueDepth> queueDepthByType() {
    return jdbc.sql("SELECT type, count(*) FROM job WHERE state = 'QUEUED' GROUP BY type")
        .query((rs, n) -> new QueueDepth(rs.getString(1), rs.getLong(2))).list();
  }

  private Job summaryRow(ResultSet rs, int n) throws SQLException {
    return new Job(
        rs.getObject("id", UUID.class), service, rs.getString("type"), rs.getString("owner"),
        JobState.valueOf(rs.getString("state")), tree(rs.getString("params")), rs.getLong("seed"),
        rs.getInt("priority"), rs.getInt("attempt"), rs.getInt("max_attempts"), rs.getBoolean("cancel_requested"),
        new JobProgress(rs.getDouble("progress_fraction"), rs.getString("progress_stage")),
        tree(rs.getString("result")), tree(rs.getString("error")), tree(rs.getString("versions")),
        tree(rs.getString("timings")), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
        null, null, null);
  }

  /** Ready jobs claimed before this one: the claim order is priority, then age. */
  private long queuePosition(Job j) {
    return jdbc.sql("""
        SELECT count(*) FROM job
         WHERE state = 'QUEUED' AND run_after <= now() AND id <> :id
           AND (priority > :priority OR (priority = :priority AND created_at < :created))""")
        .param("id", j.id()).param("priority", j.priority()).param("created", j.createdAt())
        .query(Long.class).single();
  }

  private static Job withDetails(Job j, List<JobEvent> history, List<ArtifactRef> artifacts, Long position) {
    return new Job(j.id(), j.service(), j.type(), j.owner(), j.state(), j.params(), j.seed(), j.priority(),
        j.attempt(), j.maxAttempts(), j.cancelRequested(), j.progress(), j.result(), j.error(), j.versions(),
        j.timings(), j.createdAt(), j.startedAt(), j.finishedAt(), history, artifacts, position);
  }

  private JsonNode tree(String text) {
    return text == null ? null : json.readTree(text);
  }
}
