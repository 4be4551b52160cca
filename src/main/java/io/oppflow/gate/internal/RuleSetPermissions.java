package io.oppflow.gate.internal;

import io.oppflow.organization.Actor;

/**
 * Only sales-ops and administrators change rules: a DRL consequence is Java code that runs inside the
 * service (see docs/security.md).
 */
public final class RuleSetPermissions {

  private RuleSetPermissions() {}

  static void requireRuleAuthor(Actor actor) {
    if (!actor.seesEverything()) {
      throw new RuleChangeForbiddenException(actor.userId());
    }
  }
}
