package io.oppflow.opportunity;

/** The request collides with the opportunity's current state (a concurrent change, a taken code). */
public class OpportunityConflictException extends RuntimeException {

  public OpportunityConflictException(String message) {
    super(message);
  }
}
