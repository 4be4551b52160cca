package io.oppflow.opportunity;

import io.oppflow.shared.ForbiddenException;

/** The caller may not read or change this opportunity. */
public class OpportunityAccessDeniedException extends ForbiddenException {

  public OpportunityAccessDeniedException(String code, String userId) {
    super("您无权访问此商机 / You may not access this opportunity");
  }
}
