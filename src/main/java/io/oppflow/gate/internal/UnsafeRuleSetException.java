package io.oppflow.gate.internal;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files use constructs outside the allowlist; nothing of them was compiled or run. */
public class UnsafeRuleSetException extends RuntimeException {

  private final transient List<RuleSetChecker.Violation> violations;

  public UnsafeRuleSetException(List<RuleSetChecker.Violation> violations) {
    super("Rule set outside the allowlist: " + violations.stream().map(Object::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  List<RuleSetChecker.Violation> violations() {
    return violations;
  }
}
