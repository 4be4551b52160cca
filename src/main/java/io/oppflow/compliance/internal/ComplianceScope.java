package io.oppflow.compliance.internal;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.shared.InvalidRequestException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.OrgUnitDirectory;
import io.oppflow.organization.Role;
import io.oppflow.organization.SalesScope;
import io.oppflow.shared.Refusals;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What part of the audit a caller reads: sales-ops and administrators everything, a manager their org unit
 * and the units below it; reps and experts nothing (the audit is about them). The period is [from, to) in
 * UTC days, either end open.
 *
 * @param orgUnit the org unit subtree read, if narrowed
 * @param ownerAt whose owner and org unit a gate decision or a stage entry counts under (filter, grouping, rows):
 *     the opportunity's at the event ({@link OwnerAt#ENTRY}, the default) or now
 */
public record ComplianceScope(Optional<String> orgUnit, LocalDate from, LocalDate to, OwnerAt ownerAt) {

  public ComplianceScope {
    ownerAt = ownerAt == null ? OwnerAt.ENTRY : ownerAt;
  }

  /** The scope by the owner and org unit at each event. */
  public ComplianceScope(Optional<String> orgUnit, LocalDate from, LocalDate to) {
    this(orgUnit, from, to, OwnerAt.ENTRY);
  }

  static ComplianceScope of(Actor actor, String orgUnit, LocalDate from, LocalDate to, OwnerAt ownerAt) {
    ComplianceScope scope = of(actor, orgUnit, from, to);
    return new ComplianceScope(scope.orgUnit(), from, to, ownerAt);
  }

  static ComplianceScope of(Actor actor, String orgUnit, LocalDate from, LocalDate to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw InvalidRequestException.of("to", Refusals.TO_AFTER_FROM);
    }
    Optional<String> unit = Optional.ofNullable(OrgUnit.checkedFilter(orgUnit));
    if (actor.seesEverything()) {
      return new ComplianceScope(unit, from, to);
    }
    if (actor.has(Role.MANAGER) && actor.orgUnit().isPresent()) {
      String managed = actor.orgUnit().get();
      if (unit.isPresent() && !OrgUnit.covers(managed, unit.get())) {
        throw new ForbiddenException(managed + " 的经理只能审计本组织单元及其下级单元 / A manager of "
            + managed + " may audit only that org unit and the units below it");
      }
      return new ComplianceScope(Optional.of(unit.orElse(managed)), from, to);
    }
    throw new ForbiddenException("只有经理、销售运营和管理员可以查看关卡合规审计 / "
        + "Only managers, sales-ops and administrators may read the compliance audit");
  }

  /** Verifying the whole gate log: any manager, sales-ops, administrators. */
  public static void requireVerifier(Actor actor) {
    if (!actor.seesEverything() && !actor.has(Role.MANAGER)) {
      throw new ForbiddenException("只有经理、销售运营和管理员可以校验关卡记录 / "
          + "Only managers, sales-ops and administrators may verify the gate log");
    }
  }
}
