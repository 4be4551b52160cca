package io.oppflow.opportunity;

/** The kinds of opportunity progression (商机推进) activity a rep logs. */
public enum ActivityType {
  VISIT,
  CALL,
  MEETING,
  DEMO,
  PROPOSAL,
  OTHER
}
