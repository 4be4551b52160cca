package io.oppflow.gate;

/** The outcome of a gate: passed (no blocking criterion failed) or failed. */
public enum Verdict {
  PASSED,
  FAILED
}
