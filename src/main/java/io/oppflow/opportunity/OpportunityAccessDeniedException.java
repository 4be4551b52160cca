package io.oppflow.opportunity;

/** The caller may not read or change this opportunity. */
public class OpportunityAccessDeniedException extends RuntimeException {

  public OpportunityAccessDeniedException(String code, String userId) {
    super("User " + userId + " may not access opportunity " + code);
  }
}
