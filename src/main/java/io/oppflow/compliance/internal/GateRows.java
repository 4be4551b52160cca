package io.oppflow.compliance.internal;

import io.oppflow.shared.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oppflow.organization.OrgUnit;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gate records in a scope (evaluated in the period, of opportunities in the org unit subtree), with
 * their opportunity's owner, org unit and fate, and for overrides the exception that was asked for.
 * The facts the rules saw are not read: reports do not need them.
 */
@Component
public class GateRows {

  /** A failed criterion as the gate record keeps it. */
  record FailedCriterion(String code, Message message) {}

  record Row(long id, String opportunityCode, String processKey, String stage, String verdict,
      List<FailedCriterion> failures, String requestedBy, Instant evaluatedAt, String approvedBy,
      String overrideReason, Long exceptionId, String owner, String orgUnit, String opportunityName,
      String status, String currentStage, BigDecimal amount, Instant closedAt, Instant requestedAt,
      String requestReason) {

    boolean evaluation() {
      return "PASSED".equals(verdict) || "FAILED".equals(verdict);
    }

    boolean overridden() {
      return "OVERRIDDEN".equals(verdict);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  GateRows(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public List<Row> in(ComplianceScope scope, boolean overridesOnly) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    // whose a decision is: the opportunity's owner and unit when it was decided, or now (ComplianceScope.ownerAt)
    String owner = scope.ownerAt().sqlAt("owner", "o", "g.evaluated_at");
    String orgUnit = scope.ownerAt().sqlAt("org_unit", "o", "g.evaluated_at");
    StringBuilder sql = new StringBuilder("select g.id, g.opportunity_code, g.process_key, g.stage, g.verdict,"
        + " g.failures_json, g.requested_by, g.evaluated_at, g.approved_by, g.override_reason, g.exception_id,"
        + " " + owner + " as owner, " + orgUnit + " as org_unit,"
        + " o.name, o.status, o.stage as current_stage, o.amount, o.closed_at,"
        + " e.requested_at, e.request_reason"
        + " from gate_record g join opportunity o on o.code = g.opportunity_code"
        + " left join gate_exception e on e.id = g.exception_id where 1 = 1");
    if (overridesOnly) {
      sql.append(" and g.verdict = 'OVERRIDDEN'");
    }
    if (scope.from() != null) {
      sql.append(" and g.evaluated_at >= :from");
      params.addValue("from", BypassDetector.start(scope.from()));
    }
    if (scope.to() != null) {
      sql.append(" and g.evaluated_at < :to");
      params.addValue("to", BypassDetector.start(scope.to()));
    }
    scope.orgUnit().ifPresent(unit -> {
      sql.append(" and ").append(OrgUnit.sqlCondition(orgUnit, "orgUnit"));
      params.addValues(new OrgUnit(unit).namedArguments("orgUnit"));
    });
    // an unsealed record (committed a moment ago) has no seq yet: it comes last, in the order it was written
    sql.append(" order by g.seq nulls last, g.id");
    return jdbc.query(sql.toString(), params, (rs, i) -> row(rs));
  }

  private Row row(ResultSet rs) throws SQLException {
    long exceptionId = rs.getLong("exception_id");
    Long exception = rs.wasNull() ? null : exceptionId;
    return new Row(rs.getLong("id"), rs.getString("opportunity_code"), rs.getString("process_key"),
        rs.getString("stage"), rs.getString("verdict"), failures(rs.getString("failures_json"), rs.getLong("id")),
        rs.getString("requested_by"), instant(rs.getTimestamp("evaluated_at")), rs.getString("approved_by"),
        rs.getString("override_reason"), exception, rs.getString("owner"), rs.getString("org_unit"),
        rs.getString("name"), rs.getString("status"), rs.getString("current_stage"), rs.getBigDecimal("amount"),
        instant(rs.getTimestamp("closed_at")), instant(rs.getTimestamp("requested_at")),
        rs.getString("request_reason"));
  }

  private List<FailedCriterion> failures(String text, long id) {
    try {
      List<FailedCriterion> out = new ArrayList<>();
      for (JsonNode c : json.readTree(text)) {
        JsonNode m = c.path("message");
        out.add(new FailedCriterion(c.path("code").asText(), new Message(m.path("zh").asText(), m.path("en").asText())));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("Gate record " + id + " holds unreadable failures", e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
