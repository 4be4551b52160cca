package io.oppflow.gate;

import java.time.Instant;

/**
 * One gate record in short: which gate of which process instance decided what, when, asked by whom and, for an
 * OVERRIDDEN verdict, approved by whom through which exception.
 */
public record GateOutcome(long recordId, String processInstanceId, String stage, Verdict verdict, String requestedBy,
    String approvedBy, Long exceptionId, Instant evaluatedAt) {

  /** Whether the record let the opportunity out of its stage: PASSED, or OVERRIDDEN by a manager's exception. */
  public boolean allowsAdvance() {
    return verdict == Verdict.PASSED || verdict == Verdict.OVERRIDDEN;
  }
}
