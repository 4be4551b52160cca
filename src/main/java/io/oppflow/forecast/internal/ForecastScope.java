package io.oppflow.forecast.internal;

import io.oppflow.funnel.StageProcesses;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.SalesScope;
import java.util.Optional;

/**
 * Whose opportunities a forecast covers: one process, optionally an org unit subtree and an owner,
 * narrowed to what the actor may see ({@link SalesScope}, as the funnel does); with no process asked for,
 * the default process of what is in view ({@link StageProcesses}).
 */
public record ForecastScope(String processKey, Optional<String> orgUnit, Optional<String> owner) {

  /** @param processKey the process asked for; null or blank until {@link #resolvedBy} settles the default */
  static ForecastScope of(Actor actor, String processKey, String orgUnit, String owner) {
    SalesScope scope = SalesScope.of(actor, orgUnit, owner, ForbiddenException::new);
    return new ForecastScope(processKey, scope.orgUnit(), scope.owner());
  }

  /** This scope with its process checked, or the default of what it covers when none was asked for. */
  ForecastScope resolvedBy(StageProcesses processes) {
    return new ForecastScope(processes.resolve(processKey, orgUnit.orElse(null), owner.orElse(null)), orgUnit, owner);
  }
}
