package org.trustml.e2e.service;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.catalog.DatasetDescriptor;
import org.trustml.core.catalog.DatasetRegistration;
import org.trustml.core.catalog.Lineage;
import org.trustml.core.job.JobContext;
import org.trustml.core.job.JobHandler;

/**
 * Reads a CSV dataset through the catalog, keeps its header and first {@code rows} records, and registers the result
 * as a new dataset whose lineage names the input and this job: the round trip every method service makes.
 */
public class HeadJob implements JobHandler<HeadJob.Params> {

  public record Params(@NotBlank String dataset, @Min(1) int rows) {}

  @Override
  public String type() {
    return "e2e.head";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public Object run(Params p, JobContext ctx) throws Exception {
    DatasetDescriptor input = ctx.catalog().dataset(ctx.owner(), p.dataset());
    ctx.progress(0.1, "reading " + input.id());
    StringBuilder out = new StringBuilder();
    int kept = 0;
    try (InputStream in = ctx.artifacts().open(input.artifact().sha256());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      out.append(reader.readLine()).append('\n');
      String line;
      while (kept < p.rows() && (line = reader.readLine()) != null) {
        ctx.checkCancelled();
        out.append(line).append('\n');
        kept++;
        ctx.progress(0.1 + 0.8 * kept / p.rows(), "row " + kept);
      }
    }
    ArtifactRef ref = ctx.writeArtifact("head.csv", "text/csv", out.toString().getBytes(StandardCharsets.UTF_8));
    DatasetDescriptor output = ctx.catalog().registerDataset(new DatasetRegistration(ctx.owner(),
        input.name() + "-head", ref, "csv", input.labelColumn(), input.protectedColumns(),
        new Lineage(List.of(input.id()), "demo", ctx.jobId().toString())));
    return Map.of("rows", kept, "outputDataset", output.id());
  }
}
