package io.oppflow.opportunity;

/** How an opportunity stands: in progress, signed with us, or ended without us. */
public enum OpportunityStatus {
  OPEN,
  WON,
  LOST
}
