package io.oppflow.gate;

/** The caller may not upload or activate rules. */
public class RuleChangeForbiddenException extends RuntimeException {

  public RuleChangeForbiddenException(String userId) {
    super("User " + userId + " may not change rules: only sales-ops and administrators may");
  }
}
