package io.oppflow.funnel;

import io.oppflow.organization.OrgUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many opportunities (open or closed) of an owner, or under an org unit, run in each process. */
@Component
class ProcessUsage {

  private final JdbcTemplate jdbc;

  ProcessUsage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opportunities per process key; {@code orgUnit} and {@code owner} narrow when not null. */
  Map<String, Long> count(String orgUnit, String owner) {
    StringBuilder sql = new StringBuilder("select o.process_key, count(*) from opportunity o where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (owner != null) {
      sql.append(" and o.owner = ?");
      args.add(owner);
    }
    if (orgUnit != null) {
      sql.append(" and ").append(OrgUnit.sqlCondition("o.org_unit"));
      args.addAll(new OrgUnit(orgUnit).sqlArguments());
    }
    sql.append(" group by o.process_key");
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql.toString(), rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, args.toArray());
    return counts;
  }
}
