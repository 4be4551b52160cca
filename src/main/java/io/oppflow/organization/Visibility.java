package io.oppflow.organization;

import java.util.Optional;

/**
 * Whose opportunities a user sees: sales-ops, administrators and experts every one (experts are pulled into
 * deals across the organisation); otherwise a rep their own, a manager those of their org unit and the
 * units below it, and someone who is both, both. The one policy behind the opportunity list, its access
 * checks and every read model (funnel, forecast, plans, warnings).
 *
 * @param all whether every opportunity is visible
 * @param owner the user whose own opportunities are visible, if a rep
 * @param subtree the org unit whose subtree is visible, if a manager
 */
public record Visibility(boolean all, Optional<String> owner, Optional<OrgUnit> subtree) {

  public static Visibility of(Actor actor) {
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return new Visibility(true, Optional.empty(), Optional.empty());
    }
    Optional<String> owner = actor.has(Role.REP) ? Optional.of(actor.userId()) : Optional.empty();
    Optional<OrgUnit> subtree = actor.has(Role.MANAGER) ? actor.orgUnit().filter(OrgUnit::isValid).map(OrgUnit::new)
        : Optional.empty();
    return new Visibility(false, owner, subtree);
  }

  /** Whether an opportunity of {@code owner} in {@code orgUnit} is visible. */
  public boolean sees(String owner, String orgUnit) {
    return all || this.owner.map(o -> o.equals(owner)).orElse(false)
        || subtree.map(s -> s.covers(orgUnit)).orElse(false);
  }

  /** Whether nothing at all is visible (no sales role). */
  public boolean none() {
    return !all && owner.isEmpty() && subtree.isEmpty();
  }
}
