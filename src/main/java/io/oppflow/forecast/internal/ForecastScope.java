package io.oppflow.forecast.internal;

import io.oppflow.shared.ForbiddenException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.SalesScope;
import java.util.Optional;

/**
 * Whose opportunities a forecast covers: one process, optionally an org unit subtree and an owner,
 * narrowed to what the actor may see ({@link SalesScope}, as the funnel does).
 */
public record ForecastScope(String processKey, Optional<String> orgUnit, Optional<String> owner) {

  static ForecastScope of(Actor actor, String processKey, String orgUnit, String owner) {
    SalesScope scope = SalesScope.of(actor, orgUnit, owner, ForbiddenException::new);
    return new ForecastScope(processKey, scope.orgUnit(), scope.owner());
  }
}
