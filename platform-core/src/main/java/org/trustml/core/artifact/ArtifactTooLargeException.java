package org.trustml.core.artifact;

import org.springframework.http.HttpStatus;
import org.trustml.core.web.ProblemException;

/** Content longer than the store accepts; nothing was stored. */
public class ArtifactTooLargeException extends ProblemException {

  public ArtifactTooLargeException(long limit) {
    super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "content exceeds the limit of " + limit + " bytes");
    with("limitBytes", limit);
  }
}
