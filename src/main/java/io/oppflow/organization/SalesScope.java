package io.oppflow.organization;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whose opportunities a reading of the funnel, a forecast or a plan covers, narrowed to what the actor may
 * see: experts, sales-ops and administrators everything; a manager their org unit and the units below it;
 * a rep only their own opportunities. Asking for more than that is refused, not silently emptied.
 *
 * @param orgUnit the org unit subtree to read, if narrowed
 * @param owner the owner to read, if narrowed
 */
public record SalesScope(Optional<String> orgUnit, Optional<String> owner) {

  /**
   * The scope {@code actor} may read of what they asked for.
   *
   * @param orgUnit the org unit asked for, or null/blank; normalized, and refused (400 naming it) unless a
   *     well-formed path ({@link OrgUnit#checked})
   * @param owner the owner asked for, or null/blank
   * @param denied makes the caller's 403 exception from a reason
   */
  public static SalesScope of(Actor actor, String orgUnit, String owner, Function<String, RuntimeException> denied) {
    Optional<String> unit = Optional.ofNullable(OrgUnit.checkedFilter(orgUnit));
    Optional<String> who = blankToEmpty(owner);
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return new SalesScope(unit, who);
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().isPresent()) {
      String managed = actor.orgUnit().get();
      if (unit.isPresent() && !within(unit.get(), managed)) {
        throw denied.apply("A manager of " + managed + " may read only that org unit and the units below it");
      }
      return new SalesScope(Optional.of(unit.orElse(managed)), who);
    }
    if (actor.has(Role.REP)) {
      if (who.isPresent() && !who.get().equals(actor.userId())) {
        throw denied.apply("A rep may read only their own opportunities");
      }
      return new SalesScope(unit, Optional.of(actor.userId()));
    }
    throw denied.apply("Your roles do not include reading the sales funnel");
  }

  /** Whether {@code unit} is {@code ancestor} or below it in the HQ/branch/team path, segment by segment. */
  public static boolean within(String unit, String ancestor) {
    return OrgUnit.covers(ancestor, unit);
  }

  private static Optional<String> blankToEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }
}
