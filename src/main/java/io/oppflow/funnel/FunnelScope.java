package io.oppflow.funnel;

import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;

/**
 * Whose funnel a caller may read: experts, sales-ops and administrators every one; a manager their org
 * unit and the units below it; a rep only their own opportunities.
 */
public final class FunnelScope {

  private FunnelScope() {}

  /** The filter narrowed to what the actor may see; asking for more than that is refused. */
  public static FunnelFilter restrict(FunnelFilter filter, Actor actor) {
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return filter;
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().isPresent()) {
      String unit = actor.orgUnit().get();
      if (filter.orgUnit() == null) {
        return filter.withOrgUnit(unit);
      }
      if (within(filter.orgUnit(), unit)) {
        return filter;
      }
      throw new FunnelAccessDeniedException("A manager of " + unit + " may not read the funnel of " + filter.orgUnit());
    }
    if (actor.has(Role.REP)) {
      if (filter.owner() != null && !filter.owner().equals(actor.userId())) {
        throw new FunnelAccessDeniedException("A rep may read only their own funnel");
      }
      return filter.withOwner(actor.userId());
    }
    throw new FunnelAccessDeniedException("No role that may read the funnel");
  }

  /** Whether the actor may read (and, for managers, plan) the whole funnel of an org unit. */
  public static void requireOrgUnit(String orgUnit, Actor actor) {
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return;
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().map(u -> within(orgUnit, u)).orElse(false)) {
      return;
    }
    throw new FunnelAccessDeniedException("Only a manager of " + orgUnit + " (or above), experts and sales-ops may read it");
  }

  /** Whether {@code orgUnit} is {@code unit} or below it, segment by segment. */
  public static boolean within(String orgUnit, String unit) {
    return orgUnit.equals(unit) || orgUnit.startsWith(unit + "/");
  }
}
