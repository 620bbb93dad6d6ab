package org.trustml.core.artifact;

import org.springframework.http.HttpStatus;
import org.trustml.core.web.ProblemException;

/** No content with that digest is stored. */
public class ArtifactNotFoundException extends ProblemException {

  public ArtifactNotFoundException(String sha256) {
    super(HttpStatus.NOT_FOUND, "not-found", "no artifact with sha256 " + sha256);
  }
}
