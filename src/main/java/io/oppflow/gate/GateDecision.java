package io.oppflow.gate;

/** A verdict together with the id of the gate record that keeps it. */
public record GateDecision(long recordId, GateVerdict verdict) {}
