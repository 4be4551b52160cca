package io.oppflow.opportunity;

/** The customer's current system: none, incomplete, working badly, or working well. */
public enum SystemStatus {
  NONE,
  INCOMPLETE,
  POOR,
  GOOD
}
