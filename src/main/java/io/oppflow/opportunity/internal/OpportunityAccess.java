package io.oppflow.opportunity.internal;

import io.oppflow.organization.Visibility;
import io.oppflow.organization.OrgUnit;
import io.oppflow.opportunity.*;

import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;

/**
 * Who may read and change an opportunity: its owner; a manager of its org unit (or above);
 * sales-ops and administrators. Experts read every opportunity (they are pulled into deals across
 * the organisation) and contribute through their Tasklist tasks.
 */
public final class OpportunityAccess {

  private OpportunityAccess() {}

  public static boolean canRead(Actor actor, Opportunity o) {
    return Visibility.of(actor).sees(o.getOwner(), o.getOrgUnit());
  }

  public static boolean canChange(Actor actor, Opportunity o) {
    if (actor.seesEverything()) {
      return true;
    }
    if (actor.has(Role.REP) && o.getOwner().equals(actor.userId())) {
      return true;
    }
    return actor.has(Role.MANAGER) && actor.orgUnit().map(o::belongsTo).orElse(false);
  }

  /**
   * Only managers of the opportunity's org unit (or above) decide its gate exceptions: an exception is a
   * manager's accountable decision, so not even administrators or sales-ops take it for them.
   */
  public static boolean canDecideExceptions(Actor actor, Opportunity o) {
    return actor.has(Role.MANAGER) && actor.orgUnit().map(o::belongsTo).orElse(false);
  }

  /**
   * Whether the actor may move an opportunity from {@code fromOrgUnit} to {@code toOrgUnit} (a new owner, perhaps a
   * new unit): sales-ops and administrators any; a manager only if they manage both units (their unit is each or
   * above it). Reps and experts never: a rep cannot hand their deals to a colleague, nor take one.
   */
  public static boolean canReassign(Actor actor, String fromOrgUnit, String toOrgUnit) {
    if (actor.seesEverything()) {
      return true;
    }
    return actor.has(Role.MANAGER) && actor.orgUnit()
        .map(unit -> OrgUnit.covers(unit, fromOrgUnit) && OrgUnit.covers(unit, toOrgUnit)).orElse(false);
  }

  /**
   * Whether the actor may open an opportunity owned by {@code owner} in {@code orgUnit}: a rep for
   * themselves in their own team or a unit below it, a manager for anyone in their unit or below.
   */
  public static boolean canOpen(Actor actor, String owner, String orgUnit) {
    if (actor.seesEverything()) {
      return true;
    }
    boolean inOwnUnit = actor.orgUnit().map(unit -> OrgUnit.covers(unit, orgUnit)).orElse(false);
    if (actor.has(Role.MANAGER) && inOwnUnit) {
      return true;
    }
    return actor.has(Role.REP) && owner.equals(actor.userId()) && inOwnUnit;
  }
}
