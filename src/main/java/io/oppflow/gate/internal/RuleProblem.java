package io.oppflow.gate.internal;

/** A compiler error in a rule file, with the file and line sales-ops need to fix it. */
public record RuleProblem(String file, int line, String message) {}
