package io.oppflow.warning.internal;

import io.oppflow.organization.OrgUnit;
import io.oppflow.shared.ForbiddenException;
import io.oppflow.organization.Actor;
import io.oppflow.organization.Role;
import io.oppflow.organization.SalesScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The opportunities whose warnings a caller sees, as an SQL condition on {@code opportunity o}: reps their
 * own, managers their org unit's subtree, experts, sales-ops and administrators all; narrowed by the query.
 * Asking for another rep's warnings (a rep) or another unit (a manager) is refused, not silently emptied.
 */
public record WarningScope(String where, List<Object> args) {

  static WarningScope of(Actor actor, WarningQuery query) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (!actor.seesEverything() && !actor.has(Role.EXPERT)) {
      List<String> visible = new ArrayList<>();
      boolean manager = actor.has(Role.MANAGER) && actor.orgUnit().isPresent();
      if (manager) {
        visible.add(subtree(actor.orgUnit().get(), args));
      }
      if (actor.has(Role.REP)) {
        visible.add("o.owner = ?");
        args.add(actor.userId());
      }
      if (visible.isEmpty()) {
        throw new ForbiddenException("只有销售人员可以查看预警 / Only sales staff see warnings");
      }
      if (!manager && query.owner() != null && !query.owner().equals(actor.userId())) {
        throw new ForbiddenException("销售只能查看自己商机的预警 / A rep sees only the warnings of their own opportunities");
      }
      if (manager && !actor.has(Role.REP) && query.orgUnit() != null && !OrgUnit.covers(actor.orgUnit().get(), query.orgUnit())) {
        throw new ForbiddenException("经理只能查看本组织单元的预警 / A manager sees only the warnings of their own org unit");
      }
      where.add("(" + String.join(" or ", visible) + ")");
    }
    if (query.orgUnit() != null) {
      where.add(subtree(query.orgUnit(), args));
    }
    if (query.owner() != null) {
      where.add("o.owner = ?");
      args.add(query.owner());
    }
    return new WarningScope(where.isEmpty() ? "1 = 1" : String.join(" and ", where), args);
  }

  private static String subtree(String unit, List<Object> args) {
    args.addAll(new OrgUnit(unit).sqlArguments());
    return OrgUnit.sqlCondition("o.org_unit");
  }

}
