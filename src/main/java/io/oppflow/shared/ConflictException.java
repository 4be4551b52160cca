package io.oppflow.shared;

import org.springframework.http.HttpStatus;

/** The request collides with the current state of what it changes. 409. */
public class ConflictException extends ProblemException {

  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, "Conflict", detail);
  }
}
