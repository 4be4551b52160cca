package io.oppflow.gate.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A rule-set version as the API lists it. */
public record RuleSetVersionView(
    String version,
    boolean active,
    String source,
    String createdBy,
    Instant createdAt,
    Set<String> files,
    int selfTestCases,
    List<Activation> activations) {

  /** One activation of a version. */
  public record Activation(String by, Instant at) {}

  /** One entry of the rule-change audit trail. */
  public record Event(String kind, String version, String by, Instant at, String detail) {}
}
