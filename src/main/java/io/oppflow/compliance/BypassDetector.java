package io.oppflow.compliance;

import io.oppflow.gate.Message;
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
class BypassDetector {

  private static final String UNALLOWED = """
       from stage_interval si
       left join stage_interval p on p.id = (
         select q.id from stage_interval q
          where q.process_instance_id = si.process_instance_id and q.stage_order = si.stage_order - 1
            and q.entered_at <= si.entered_at and q.id <> si.id
          order by q.entered_at desc, q.id desc fetch first 1 rows only)
      where si.source = 'ENGINE' and si.stage_order > 1 and si.process_instance_id is not null
        and not exists (
         select 1 from gate_record g
          where g.process_instance_id = si.process_instance_id and g.stage = p.stage
            and g.verdict in ('PASSED', 'OVERRIDDEN')
            and g.evaluated_at >= p.entered_at and g.evaluated_at < si.entered_at + interval '0.001' second)
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final StageNames stages;

  BypassDetector(NamedParameterJdbcTemplate jdbc, StageNames stages) {
    this.jdbc = jdbc;
    this.stages = stages;
  }

  /** The violations in scope, in order of entry. */
  @Transactional(readOnly = true)
  List<Violation> find(ComplianceScope scope) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql = "select si.id, si.opportunity_code, si.process_key, si.process_instance_id, si.activity_instance_id,"
        + " si.stage, si.stage_order, si.entered_at, si.owner, si.org_unit, p.stage as previous_stage"
        + UNALLOWED + where(scope, params) + " order by si.entered_at, si.id";
    return jdbc.query(sql, params, (rs, i) -> violation(rs));
  }

  /** How many violations are in scope (the scheduled check counts all). */
  @Transactional(readOnly = true)
  long count(ComplianceScope scope) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Long n = jdbc.queryForObject("select count(*)" + UNALLOWED + where(scope, params), params, Long.class);
    return n == null ? 0 : n;
  }

  private static String where(ComplianceScope scope, MapSqlParameterSource params) {
    StringBuilder sql = new StringBuilder();
    if (scope.from() != null) {
      sql.append(" and si.entered_at >= :from");
      params.addValue("from", start(scope.from()));
    }
    if (scope.to() != null) {
      sql.append(" and si.entered_at < :to");
      params.addValue("to", start(scope.to()));
    }
    scope.orgUnit().ifPresent(unit -> {
      sql.append(" and (si.org_unit = :orgUnit or si.org_unit like :orgUnitBelow escape '\\')");
      params.addValue("orgUnit", unit);
      params.addValue("orgUnitBelow", unit.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
    });
    return sql.toString();
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
