package io.oppflow.opportunity;

/** No opportunity has this code (or the caller may not know that it exists). */
public class OpportunityNotFoundException extends RuntimeException {

  public OpportunityNotFoundException(String code) {
    super("No opportunity with code " + code);
  }
}
