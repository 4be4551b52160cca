package io.oppflow.gate.internal;

import io.oppflow.shared.ForbiddenException;

/** The caller may not upload or activate rules. */
public class RuleChangeForbiddenException extends ForbiddenException {

  public RuleChangeForbiddenException(String userId) {
    super("User " + userId + " may not change rules: only sales-ops and administrators may");
  }
}
