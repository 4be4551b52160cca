package io.oppflow.opportunity;

import io.oppflow.shared.NotFoundException;

/** No opportunity has this code (or the caller may not know that it exists). */
public class OpportunityNotFoundException extends NotFoundException {

  public OpportunityNotFoundException(String code) {
    super("Opportunity not found", "没有编号为 " + code + " 的商机 / No opportunity with code " + code);
  }
}
