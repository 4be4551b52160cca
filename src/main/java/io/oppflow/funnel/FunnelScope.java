package io.oppflow.funnel;

import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.organization.SalesScope;

/**
 * Whose funnel a caller may read: experts, sales-ops and administrators every one; a manager their org
 * unit and the units below it; a rep only their own opportunities.
 */
public final class FunnelScope {

  private FunnelScope() {}

  /** The filter narrowed to what the actor may see; asking for more than that is refused. */
  public static FunnelFilter restrict(FunnelFilter filter, Actor actor) {
    SalesScope scope = SalesScope.of(actor, filter.orgUnit(), filter.owner(), ForbiddenException::new);
    FunnelFilter narrowed = filter;
    if (scope.orgUnit().isPresent() && !scope.orgUnit().get().equals(filter.orgUnit())) {
      narrowed = narrowed.withOrgUnit(scope.orgUnit().get());
    }
    if (scope.owner().isPresent() && !scope.owner().get().equals(filter.owner())) {
      narrowed = narrowed.withOwner(scope.owner().get());
    }
    return narrowed;
  }

  /** Whether the actor may read (and, for managers, plan) the whole funnel of an org unit. */
  public static void requireOrgUnit(String orgUnit, Actor actor) {
    if (actor.seesEverything() || actor.has(Role.EXPERT)) {
      return;
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().map(u -> OrgUnit.covers(u, orgUnit)).orElse(false)) {
      return;
    }
    throw new ForbiddenException("只有 " + orgUnit + " 的经理（或上级）、专家和销售运营可以查看 / Only a manager of " + orgUnit
        + " (or above), experts and sales-ops may read it");
  }

  /** Whether {@code orgUnit} is {@code unit} or below it, segment by segment. */
  public static boolean within(String orgUnit, String unit) {
    return OrgUnit.covers(unit, orgUnit);
  }
}
