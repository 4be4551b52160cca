package io.oppflow.gate.internal;

import io.oppflow.organization.Actor;

/**
 * Only sales-ops and administrators change rules: a DRL consequence is Java code that runs inside the
 * service (see docs/security.md).
 */
public final class RuleSetPermissions {

  private RuleSetPermissions() {}

  static boolean mayChangeRules(Actor actor) {
    return actor.seesEverything();
  }

  static void requireRuleAuthor(Actor actor) {
    if (!mayChangeRules(actor)) {
      throw new RuleChangeForbiddenException(actor.userId());
    }
  }
}
