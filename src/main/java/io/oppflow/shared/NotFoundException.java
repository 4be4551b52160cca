package io.oppflow.shared;

import org.springframework.http.HttpStatus;

/** What the request names does not exist (or the caller may not know that it does). 404. */
public class NotFoundException extends ProblemException {

  public NotFoundException(String title, String detail) {
    super(HttpStatus.NOT_FOUND, title, detail);
  }
}
