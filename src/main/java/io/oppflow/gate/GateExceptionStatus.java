package io.oppflow.gate;

/** Where an exception to a failed gate stands: waiting for a manager, approved or rejected. */
public enum GateExceptionStatus { PENDING, APPROVED, REJECTED }
