package io.oppflow.funnel;

import io.oppflow.gate.GateOutcome;
import io.oppflow.gate.StageGateService;
import io.oppflow.gate.Verdict;
import io.oppflow.opportunity.Opportunity;
import io.oppflow.opportunity.OpportunityReassignments;
import io.oppflow.opportunity.OpportunityService;
import io.oppflow.opportunity.Reassignment;
import io.oppflow.organization.Actor;
import io.oppflow.shared.Message;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An opportunity's stage timeline: its stage intervals in the order entered, each with how it was entered and
 * left, the gate record that let it out, who owned it when it came in and the reassignments made while it was there.
 * The same intervals the funnel counts, so the page of one opportunity and the funnel never disagree.
 */
@Service
public class StageTimeline {

  /** Gate records are kept to the millisecond like the engine's history; older ones to the microsecond. */
  private static final Duration GRACE = Duration.ofMillis(1);

  private record Row(long id, String process, String instance, String stage, int order, Instant enteredAt,
      Instant leftAt, String outcome, String source, String leftBy, String owner, String orgUnit) {}

  private final JdbcTemplate jdbc;
  private final OpportunityService opportunities;
  private final StageGateService gates;
  private final StageCatalog catalog;
  private final OpportunityReassignments reassignments;

  StageTimeline(JdbcTemplate jdbc, OpportunityService opportunities, StageGateService gates, StageCatalog catalog,
      OpportunityReassignments reassignments) {
    this.jdbc = jdbc;
    this.opportunities = opportunities;
    this.gates = gates;
    this.catalog = catalog;
    this.reassignments = reassignments;
  }

  /** The timeline, if the actor may read the opportunity (as GET /api/opportunities/{code}: 404, 403). */
  @Transactional(readOnly = true)
  public List<StageVisit> of(String code, Actor actor) {
    Opportunity opportunity = opportunities.readableBy(code, actor);
    List<Row> rows = jdbc.query("select id, process_key, process_instance_id, stage, stage_order, entered_at, left_at,"
        + " outcome, source, left_by, owner, org_unit from stage_interval where opportunity_code = ? order by entered_at, stage_order, id",
        (rs, i) -> row(rs), opportunity.getCode());
    List<GateOutcome> records = gates.outcomes(opportunity.getCode());
    List<Reassignment> moves = reassignments.of(opportunity.getCode());
    List<StageVisit> visits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int highest = Integer.MIN_VALUE;
    Row previous = null;
    for (Row r : rows) {
      visits.add(visit(r, entry(r, previous, seen, highest), during(r, records), moved(r, moves)));
      seen.add(r.stage());
      highest = Math.max(highest, r.order());
      previous = r;
    }
    return visits;
  }

  private static StageVisit.Entry entry(Row r, Row previous, Set<String> seen, int highest) {
    if (previous == null) {
      return StageVisit.Entry.FIRST;
    }
    if (seen.contains(r.stage()) || r.order() < highest) {
      return StageVisit.Entry.REOPENED;
    }
    return r.order() > previous.order() + 1 ? StageVisit.Entry.SKIPPED : StageVisit.Entry.NEXT;
  }

  /** The gate records of the stage written while the opportunity was in it, oldest first. */
  private static List<GateOutcome> during(Row r, List<GateOutcome> records) {
    Instant end = r.leftAt() == null ? Instant.MAX : r.leftAt().plus(GRACE);
    return records.stream()
        .filter(g -> g.stage().equals(r.stage()))
        .filter(g -> r.instance() == null || g.processInstanceId() == null || r.instance().equals(g.processInstanceId()))
        .filter(g -> !g.evaluatedAt().isBefore(r.enteredAt().minus(GRACE)) && g.evaluatedAt().isBefore(end))
        .toList();
  }

  /** The reassignments made while the opportunity was in the stage (a closed one is never reassigned). */
  private static List<Reassignment> moved(Row r, List<Reassignment> moves) {
    return moves.stream().filter(m -> !m.reassignedAt().isBefore(r.enteredAt())
        && (r.leftAt() == null || m.reassignedAt().isBefore(r.leftAt()))).toList();
  }

  private StageVisit visit(Row r, StageVisit.Entry entry, List<GateOutcome> records, List<Reassignment> moves) {
    GateOutcome allowing = r.leftAt() == null ? null
        : records.stream().filter(GateOutcome::allowsAdvance).reduce((first, second) -> second).orElse(null);
    StageVisit.How how = how(r, allowing);
    String by = allowing == null ? null
        : allowing.verdict() == Verdict.OVERRIDDEN ? allowing.approvedBy() : allowing.requestedBy();
    boolean advanced = how == StageVisit.How.GATE_PASSED || how == StageVisit.How.EXCEPTION;
    // a stage moved out of was let out by whoever moved it, not by a gate
    String letOutBy = advanced ? by : how == StageVisit.How.MOVED ? r.leftBy() : null;
    return new StageVisit(r.id(), r.process(), r.instance(), r.stage(), r.order(), name(r.process(), r.stage()),
        r.enteredAt(), r.leftAt(), entry, how, r.outcome(), letOutBy,
        advanced ? allowing.requestedBy() : null, advanced ? allowing.recordId() : null,
        advanced ? allowing.exceptionId() : null, records.stream().map(GateOutcome::recordId).toList(), r.source(),
        r.owner(), r.orgUnit(), moves);
  }

  private static StageVisit.How how(Row r, GateOutcome allowing) {
    if (r.leftAt() == null || r.outcome() == null) {
      return StageVisit.How.IN_STAGE;
    }
    return switch (StageOutcome.valueOf(r.outcome())) {
      case LOST -> StageVisit.How.LOST;
      case LEFT -> StageVisit.How.MOVED;
      case ADVANCED -> allowing == null ? StageVisit.How.ADVANCED
          : allowing.verdict() == Verdict.OVERRIDDEN ? StageVisit.How.EXCEPTION : StageVisit.How.GATE_PASSED;
    };
  }

  private Message name(String process, String stage) {
    return catalog.stagesOf(process).stream().filter(d -> Objects.equals(d.code(), stage)).findFirst()
        .map(StageDefinition::name).orElse(new Message(stage, stage));
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp left = rs.getTimestamp("left_at");
    return new Row(rs.getLong("id"), rs.getString("process_key"), rs.getString("process_instance_id"),
        rs.getString("stage"), rs.getInt("stage_order"), rs.getTimestamp("entered_at").toInstant(),
        left == null ? null : left.toInstant(), rs.getString("outcome"), rs.getString("source"), rs.getString("left_by"),
        rs.getString("owner"), rs.getString("org_unit"));
  }
}
