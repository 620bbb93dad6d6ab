package org.trustml.core.job;

import org.trustml.core.artifact.ArtifactStore;
import org.trustml.core.catalog.CatalogClient;

/**
 * What a handler may look at while validating a submission, before anything is queued: who submits, and the
 * catalog and store its parameters refer to. Lets a handler refuse a reference the tenant cannot read, a column the
 * dataset lacks, or (when it is cheap to read) data the method cannot take, as a 400 rather than a failed job.
 */
public interface SubmissionContext {

  /** Tenant that submits the job. */
  String owner();

  CatalogClient catalog();

  ArtifactStore artifacts();

  static SubmissionContext of(String owner, CatalogClient catalog, ArtifactStore artifacts) {
    return new SubmissionContext() {
      @Override
      public String owner() {
        return owner;
      }

      @Override
      public CatalogClient catalog() {
        return catalog;
      }

      @Override
      public ArtifactStore artifacts() {
        return artifacts;
      }
    };
  }
}
