package io.oppflow.opportunity;

import io.oppflow.shared.ConflictException;

/** A change was asked of an opportunity that is already won or lost. */
public class OpportunityClosedException extends ConflictException {

  public OpportunityClosedException(String code, OpportunityStatus status) {
    super("商机 " + code + " 已结束（" + status + "），不能再修改 / Opportunity " + code + " is " + status
        + " and can no longer change");
  }
}
