package io.oppflow.opportunity;

/** Whether a competing vendor is still in the race. */
public enum CompetitorStatus {
  ACTIVE,
  ELIMINATED
}
