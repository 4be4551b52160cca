package io.oppflow.gate;

/** A gate was evaluated for an opportunity and its record written (published inside the transaction). */
public record GateEvaluated(String opportunityCode, GateDecision decision) {}
