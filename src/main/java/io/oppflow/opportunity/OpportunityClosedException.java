package io.oppflow.opportunity;

import io.oppflow.shared.ConflictException;

/** A change was asked of an opportunity that is already won or lost. */
public class OpportunityClosedException extends ConflictException {

  public OpportunityClosedException(String code, OpportunityStatus status) {
    super("Opportunity " + code + " is " + status + " and can no longer change");
  }
}
