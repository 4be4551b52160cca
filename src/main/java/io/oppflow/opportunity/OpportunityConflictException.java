package io.oppflow.opportunity;

import io.oppflow.shared.ConflictException;

/** The request collides with the opportunity's current state (a concurrent change, a taken code). */
public class OpportunityConflictException extends ConflictException {

  public OpportunityConflictException(String message) {
    super(message);
  }
}
