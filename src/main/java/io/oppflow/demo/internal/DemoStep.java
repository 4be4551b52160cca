package io.oppflow.demo.internal;

import java.time.Instant;

/** One thing done to a generated opportunity at one moment; the generator plays all of them in time order. */
record DemoStep(Instant at, long order, DemoDeal deal, Action action, int stage) {

  enum Action {
    /** The rep opens the opportunity. */
    OPEN,
    /** The rep records the stage's facts and logs its activities. */
    RECORD,
    /** The rep records the stage's facts but one, and logs its activities. */
    RECORD_WITH_GAP,
    /** The rep asks to advance (the gate decides; a failure is kept in the gate log). */
    ADVANCE,
    /** The rep asks a manager for an exception to the failed gate. */
    REQUEST_EXCEPTION,
    /** The branch manager approves the exception: the stage is left. */
    APPROVE,
    /** The branch manager rejects the exception: the rep works on. */
    REJECT,
    /** The opportunity is lost. */
    LOSE,
    /** An administrator moves the process to a later stage past its gates. */
    BYPASS
  }
}
