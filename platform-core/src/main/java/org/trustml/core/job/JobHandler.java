package org.trustml.core.job;

/**
 * What a service implements once per job type. The platform validates parameters before queueing, claims the job
 * on some replica, and calls {@link #run} with a context that reports progress, answers cancellation, reads datasets
 * and writes artifacts. Handlers are plain Java: no Spring types in their signatures.
 *
 * @param <P> the parameters record, deserialized from the submission's {@code params} and bean-validated
 */
public interface JobHandler<P> {

  /** The job type, unique within a service, e.g. {@code topoprune.score}. */
  String type();

  /** The class the submitted {@code params} JSON is read into. */
  Class<P> paramsType();

  /** Version of the method's code, recorded with every job it runs. */
  default String version() {
    return "1";
  }

  /**
   * Checks what bean validation cannot (cross-field rules, references); throw
   * {@link org.trustml.core.web.ProblemException} with status 400 naming the field. Runs before the job is queued.
   */
  default void validate(P params) {}

  /**
   * Checks that need the submitter's view of the catalog or store (the referenced datasets exist and have the
   * named columns, their data is usable); throw {@link org.trustml.core.web.ProblemException} with status 400 naming
   * the field. The submission path calls this one, before the job is queued, on the request's thread: keep it to
   * metadata and to reads that take well under a second. The default runs only {@link #validate(Object)}; an override
   * that also needs those checks calls it itself. {@code submission.owner()} is the tenant whose references (a stored
   * key, an earlier job's output) must resolve.
   */
  default void validate(P params, SubmissionContext submission) {
    validate(params);
  }

  /**
   * Runs the job. Call {@link JobContext#checkCancelled()} at safe points; throwing
   * {@link JobCancelledException} ends the job CANCELLED, any other exception ends it FAILED.
   *
   * @return the result summary, any value the platform's JSON mapper can write (a record, a map)
   */
  Object run(P params, JobContext context) throws Exception;
}
