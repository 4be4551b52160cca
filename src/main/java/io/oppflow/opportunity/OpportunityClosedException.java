package io.oppflow.opportunity;

/** A change was asked of an opportunity that is already won or lost. */
public class OpportunityClosedException extends RuntimeException {

  public OpportunityClosedException(String code, OpportunityStatus status) {
    super("Opportunity " + code + " is " + status + " and can no longer change");
  }
}
