package org.trustml.ml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.trustml.core.artifact.ArtifactRef;
import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;
import org.trustml.core.job.JobContext;

/** A job context that records progress and asks to cancel once it has seen {@code cancelAfter} reports. */
final class FakeJobContext implements JobContext {

  final List<Double> fractions = new ArrayList<>();
  final List<String> stages = new ArrayList<>();
  private final int cancelAfter;

  FakeJobContext(int cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  @Override
  public UUID jobId() {
    return new UUID(0, 1);
  }

  @Override
  public String type() {
    return "test.train";
  }

  @Override
  public String owner() {
    return "test";
  }

  @Override
  public long seed() {
    return 42;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public void progress(double fraction, String stage) {
    fractions.add(fraction);
    stages.add(stage);
  }

  @Override
  public boolean cancellationRequested() {
    return fractions.size() >= cancelAfter;
  }

  @Override
  public void log(String line) {}

  @Override
  public ArtifactRef writeArtifact(String name, String mediaType, InputStream data) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ArtifactStore artifacts() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CatalogClient catalog() {
    throw new UnsupportedOperationException();
  }
}
