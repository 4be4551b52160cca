package io.oppflow.planning.internal;

import io.oppflow.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The reverse calculation has nothing to divide by: a stage converted nothing, or nothing was won. 422. */
public class FunnelCalculationException extends ProblemException {

  public FunnelCalculationException(String message) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "Funnel cannot be calculated", message);
  }
}
