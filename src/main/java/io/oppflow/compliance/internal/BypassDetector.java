package io.oppflow.compliance.internal;

import io.oppflow.funnel.OwnerAt;
import io.oppflow.shared.Message;
import io.oppflow.organization.OrgUnit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds stage entries that no gate allowed. For every stage entry the engine made (stage intervals of source
 * ENGINE; imported history is exempt, it has no gates) beyond the first stage, the allowing record is a
 * PASSED or OVERRIDDEN gate record of the same process instance for the stage before (by stage order),
 * written during the last visit to that stage that began at or before the entry, and at or before the
 * entry itself. Gate records are kept to the millisecond like Camunda's history; older records (kept to
 * the microsecond) get one millisecond of grace.
 */
@Component
public class BypassDetector {

  /**
   * An instance's stage visits in order: the visit before an entry is, nearly always, that of the stage before. Each
   * with the owner and org unit of its holder ({@code %1$s}): the visit's own copy made at the entry ({@code si}), or
   * the opportunity's now ({@code o}, joined by {@code %2$s}).
   */
  private static final String VISITS = """
      select si.id, si.opportunity_code, si.process_key, si.process_instance_id, si.activity_instance_id, si.stage,
             si.stage_order, si.entered_at, si.source, %1$s.owner, %1$s.org_unit,
             lag(si.stage) over (partition by si.process_instance_id order by si.entered_at, si.id) as lag_stage,
             lag(si.stage_order) over (partition by si.process_instance_id order by si.entered_at, si.id) as lag_order,
             lag(si.entered_at) over (partition by si.process_instance_id order by si.entered_at, si.id) as lag_entered
        from stage_interval si%2$s
       where si.process_instance_id is not null""";

  /** When it is not (the instance went back, or skipped), the last visit of the stage before is looked up. */
  private static final String LAST_VISIT_BEFORE = """
      (select q.%s from stage_interval q
        where q.process_instance_id = x.process_instance_id and q.stage_order = x.stage_order - 1
          and q.entered_at <= x.entered_at and q.id <> x.id
        order by q.entered_at desc, q.id desc fetch first 1 rows only)""";

  private static final String ALLOWED = """
      exists (select 1 from gate_record g
               where g.process_instance_id = v.process_instance_id and g.stage = v.previous_stage
                 and g.verdict in ('PASSED', 'OVERRIDDEN')
                 and g.evaluated_at >= v.previous_entered
                 and g.evaluated_at < v.entered_at + interval '0.001' second)""";

  private final NamedParameterJdbcTemplate jdbc;
  private final StageNames stages;

  BypassDetector(NamedParameterJdbcTemplate jdbc, StageNames stages) {
    this.jdbc = jdbc;
    this.stages = stages;
  }

  /** The violations in scope, in order of entry. */
  @Transactional(readOnly = true)
  public List<Violation> find(ComplianceScope scope) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql = "select v.*" + unallowed(scope, params) + " order by v.entered_at, v.id";
    return jdbc.query(sql, params, (rs, i) -> violation(rs));
  }

  /** How many violations are in scope (the scheduled check counts all). */
  @Transactional(readOnly = true)
  long count(ComplianceScope scope) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Long n = jdbc.queryForObject("select count(*)" + unallowed(scope, params), params, Long.class);
    return n == null ? 0 : n;
  }

  /**
   * The stage entries in scope without an allowing record: each instance's visits in order (narrowed first to the
   * instances with a visit in the org unit), the stage before's last visit (the visit before, or looked up), then
   * the gate record that let the entry in, by index. The org unit of an entry is its own at the entry (a
   * reassignment moves the later visits of an instance to another unit), or the opportunity's now
   * ({@link ComplianceScope#ownerAt}); all of an instance's visits stay in the window, so the visit before an
   * entry is found whichever unit it was in.
   */
  static String unallowed(ComplianceScope scope, MapSqlParameterSource params) {
    boolean now = scope.ownerAt() == OwnerAt.CURRENT;
    StringBuilder visits = new StringBuilder(VISITS.formatted(now ? "o" : "si",
        now ? " join opportunity o on o.code = si.opportunity_code" : ""));
    StringBuilder entries = new StringBuilder(" where x.source = 'ENGINE' and x.stage_order > 1");
    scope.orgUnit().ifPresent(unit -> {
      if (now) {
        visits.append(" and ").append(OrgUnit.sqlCondition("o.org_unit", "orgUnit"));
      } else {
        visits.append(" and si.process_instance_id in (select u.process_instance_id from stage_interval u where ")
            .append(OrgUnit.sqlCondition("u.org_unit", "orgUnit")).append(")");
        entries.append(" and ").append(OrgUnit.sqlCondition("x.org_unit", "orgUnit"));
      }
      params.addValues(new OrgUnit(unit).namedArguments("orgUnit"));
    });
    if (scope.from() != null) {
      entries.append(" and x.entered_at >= :from");
      params.addValue("from", start(scope.from()));
    }
    if (scope.to() != null) {
      entries.append(" and x.entered_at < :to");
      params.addValue("to", start(scope.to()));
    }
    return " from (select x.id, x.opportunity_code, x.process_key, x.process_instance_id, x.activity_instance_id,"
        + " x.stage, x.stage_order, x.entered_at, x.owner, x.org_unit,"
        + " case when x.lag_order = x.stage_order - 1 then x.lag_stage else "
        + LAST_VISIT_BEFORE.formatted("stage") + " end as previous_stage,"
        + " case when x.lag_order = x.stage_order - 1 then x.lag_entered else "
        + LAST_VISIT_BEFORE.formatted("entered_at") + " end as previous_entered"
        + " from (" + visits + ") x" + entries + ") v where not " + ALLOWED;
  }

  private Violation violation(ResultSet rs) throws SQLException {
    String process = rs.getString("process_key");
    String previous = rs.getString("previous_stage");
    String stage = rs.getString("stage");
    Message entered = stages.of(process, stage);
    Violation.Kind kind = previous == null ? Violation.Kind.SKIPPED : Violation.Kind.NOT_PASSED;
    Message why;
    if (kind == Violation.Kind.SKIPPED) {
      why = new Message("进入「" + entered.zh() + "」阶段前从未经过上一阶段，没有任何阶段门放行",
          "Entered \"" + entered.en() + "\" without ever being in the stage before it: no gate let it in");
    } else {
      Message before = stages.of(process, previous);
      why = new Message("进入「" + entered.zh() + "」阶段时，「" + before.zh() + "」阶段门既未通过，也没有经理批准的例外",
          "Entered \"" + entered.en() + "\" while the \"" + before.en()
              + "\" gate had neither passed nor been excepted by a manager");
    }
    return new Violation(rs.getLong("id"), rs.getString("opportunity_code"), rs.getString("process_key"),
        rs.getString("process_instance_id"), rs.getString("activity_instance_id"), stage, rs.getInt("stage_order"),
        rs.getTimestamp("entered_at").toInstant(), previous, kind, rs.getString("owner"), rs.getString("org_unit"),
        why, null);
  }


  static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
