package io.oppflow.organization;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL for "in this org unit or below it": the unit itself, or any path that starts with it and a slash, segment by
 * segment (HQ/East covers HQ/East/Shanghai-1, not HQ/Eastern). The unit is bound as parameters, with the LIKE
 * wildcards in it escaped.
 */
public final class OrgUnitSubtree {

  private OrgUnitSubtree() {}

  /** The condition on {@code column}, naming the parameters {@link #bind} sets. */
  public static String condition(String column) {
    return "(" + column + " = :orgUnit or " + column + " like :orgUnitBelow escape '\\')";
  }

  public static void bind(MapSqlParameterSource params, String unit) {
    params.addValue("orgUnit", unit);
    params.addValue("orgUnitBelow", unit.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
  }
}
