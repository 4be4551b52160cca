package io.oppflow.forecast;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller asked for opportunities outside what they may see: 403 as a problem detail. */
class ForecastAccessDeniedException extends ErrorResponseException {

  ForecastAccessDeniedException(String detail) {
    super(HttpStatus.FORBIDDEN, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    p.setTitle("Forbidden");
    return p;
  }
}
