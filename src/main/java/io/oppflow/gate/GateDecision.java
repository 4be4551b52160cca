package io.oppflow.gate;

import java.time.Instant;

/**
 * A verdict together with the gate record that keeps it: its id, when it was decided and, for an
 * OVERRIDDEN verdict, the manager who approved the exception (null otherwise).
 */
public record GateDecision(long recordId, GateVerdict verdict, Instant evaluatedAt, String approvedBy) {}
