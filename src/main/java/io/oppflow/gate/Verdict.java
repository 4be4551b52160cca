package io.oppflow.gate;

/**
 * The outcome of a gate: passed (no blocking criterion failed), failed, or overridden (it failed and a
 * manager approved an exception, on the record).
 */
public enum Verdict {
  PASSED,
  FAILED,
  OVERRIDDEN
}
