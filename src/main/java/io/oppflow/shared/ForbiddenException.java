package io.oppflow.shared;

import org.springframework.http.HttpStatus;

/** The signed-in user's roles or org unit do not allow this; the detail says who may. 403. */
public class ForbiddenException extends ProblemException {

  public ForbiddenException(String detail) {
    super(HttpStatus.FORBIDDEN, "Forbidden", detail);
  }
}
