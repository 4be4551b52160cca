package io.oppflow.forecast;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import java.util.Optional;

/**
 * Whose opportunities a forecast covers: one process, optionally an org unit subtree and an owner,
 * narrowed to what the actor may see (as the funnel does): a rep only their own, a manager their org
 * unit's subtree, experts, sales-ops and administrators everything.
 */
record ForecastScope(String processKey, Optional<String> orgUnit, Optional<String> owner) {

  static ForecastScope of(Actor actor, String processKey, String orgUnit, String owner) {
    Optional<String> unit = blankToEmpty(orgUnit);
    Optional<String> who = blankToEmpty(owner);
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return new ForecastScope(processKey, unit, who);
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().isPresent()) {
      String managed = actor.orgUnit().get();
      if (unit.isPresent() && !within(unit.get(), managed)) {
        throw new ForecastAccessDeniedException("You may forecast only within your org unit " + managed);
      }
      return new ForecastScope(processKey, Optional.of(unit.orElse(managed)), who);
    }
    if (actor.has(Role.REP)) {
      if (who.isPresent() && !who.get().equals(actor.userId())) {
        throw new ForecastAccessDeniedException("A rep may forecast only their own opportunities");
      }
      return new ForecastScope(processKey, unit, Optional.of(actor.userId()));
    }
    throw new ForecastAccessDeniedException("Your roles do not include reading forecasts");
  }

  /** Whether {@code unit} is {@code ancestor} or below it in the HQ/branch/team path. */
  static boolean within(String unit, String ancestor) {
    return unit.equals(ancestor) || unit.startsWith(ancestor + "/");
  }

  private static Optional<String> blankToEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }
}
