package org.trustml.core.testing.app;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;
import org.trustml.core.job.SubmissionContext;
import org.trustml.core.web.ProblemException;

/** A job type for platform tests: sleeps in steps, reports progress, writes an artifact, can be told to fail. */
public class SleepJob implements JobHandler<SleepJob.Params> {

  /**
   * @param steps how many steps
   * @param stepMillis sleep per step
   * @param fail end FAILED after the steps
   * @param message written into the artifact
   */
  public record Params(@NotNull @Min(1) @Max(10_000) Integer steps, @Min(0) long stepMillis, boolean fail,
      String message) {}

  @Override
  public String type() {
    return "test.sleep";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.message() != null && p.message().contains("forbidden")) {
      throw ProblemException.badRequest("invalid-params", "message may not say 'forbidden'")
          .with("field", "params.message");
    }
  }

  /** A message {@code tenant:<name>} must name the submitting tenant: shows that validation sees the owner. */
  @Override
  public void validate(Params p, SubmissionContext submission) {
    validate(p);
    if (p.message() != null && p.message().startsWith("tenant:")
        && !p.message().substring("tenant:".length()).equals(submission.owner())) {
      throw ProblemException.badRequest("invalid-params", "message names tenant '"
          + p.message().substring("tenant:".length()) + "' but '" + submission.owner() + "' submits")
          .with("field", "params.message");
    }
  }

  @Override
  public Object run(Params p, JobContext ctx) throws InterruptedException {
    ctx.log("sleeping " + p.steps() + " steps of " + p.stepMillis() + " ms");
    for (int i = 0; i < p.steps(); i++) {
      ctx.checkCancelled();
      Thread.sleep(p.stepMillis());
      ctx.progress((i + 1.0) / p.steps(), "step " + (i + 1) + "/" + p.steps());
    }
    if (p.fail()) {
      throw new IllegalStateException("asked to fail");
    }
    String text = (p.message() == null ? "done" : p.message()) + " seed=" + ctx.seed();
    ctx.writeArtifact("output.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
    return Map.of("steps", p.steps(), "seed", ctx.seed(), "attempt", ctx.attempt());
  }
}
