package io.oppflow.funnel;

import io.oppflow.opportunity.OpportunityLost;
import io.oppflow.opportunity.OpportunitySlicesChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the stage-interval projection, in the transaction of the stage change it reflects: a stage
 * entered opens an interval, a stage left closes it with its outcome.
 */
@Component
public class StageIntervals {

  /** Where an interval comes from: the process engine's history, or an import of past opportunities. */
  public enum Source { ENGINE, IMPORT }

  private final JdbcTemplate jdbc;

  StageIntervals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The process instance entered the stage. If an import wrote this stage's interval already, with its historical
   * entry and no process yet ({@link #imported}), that interval becomes the instance's: it gets the engine links
   * and keeps its entry time; else a new interval is opened at {@code at}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void entered(String opportunityCode, String processKey, String processInstanceId, String activityInstanceId,
      String stage, int stageOrder, Instant at, Source source) {
    // one statement as before the import wrote intervals ahead: the awaiting one comes with the slices
    Map<String, Object> slices = jdbc.queryForList("select o.owner, o.org_unit, o.region, o.project_type,"
        + " o.customer_type, (select max(si.id) from stage_interval si where si.opportunity_code = o.code"
        + " and si.stage = ? and si.left_at is null and si.process_instance_id is null and si.source = ?) awaiting"
        + " from opportunity o where o.code = ?", stage, Source.IMPORT.name(), opportunityCode).stream().findFirst()
        .orElse(Map.of());
    if (slice(slices, "awaiting") != null) {
      jdbc.update("update stage_interval set process_instance_id = ?, activity_instance_id = ? where id = ?",
          processInstanceId, activityInstanceId, slice(slices, "awaiting"));
      return;
    }
    jdbc.update("insert into stage_interval (opportunity_code, process_key, process_instance_id, activity_instance_id,"
        + " stage, stage_order, entered_at, source, owner, org_unit, region, project_type, customer_type)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        opportunityCode, processKey, processInstanceId, activityInstanceId, stage, stageOrder, Timestamp.from(at),
        source.name(), slice(slices, "owner"), slice(slices, "org_unit"), slice(slices, "region"),
        slice(slices, "project_type"), slice(slices, "customer_type"));
    if (processInstanceId != null && activityInstanceId != null) {
      IntervalsOfTransaction.opened(activityInstanceId, processInstanceId, stage, at);
    }
  }

  private static Object slice(Map<String, Object> row, String column) {
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * When the process instance entered the stage it is still in, as the funnel counts it: the engine's entry,
   * or the historical one an import gave it. Empty once the stage is left.
   */
  public Optional<Instant> enteredAt(String processInstanceId, String stage) {
    Optional<Instant> openedNow = IntervalsOfTransaction.enteredAt(processInstanceId, stage);
    if (openedNow.isPresent()) {
      return openedNow;
    }
    return jdbc.query("select entered_at from stage_interval where process_instance_id = ? and stage = ? and left_at is null"
        + " order by id desc", (rs, i) -> rs.getTimestamp(1).toInstant(), processInstanceId, stage).stream().findFirst();
  }

  /** Keeps the slice columns copied from the opportunity in step with it. */
  @EventListener
  void on(OpportunitySlicesChanged changed) {
    jdbc.update("update stage_interval set region = ?, project_type = ?, customer_type = ? where opportunity_code = ?",
        changed.region(), changed.projectType(), changed.customerType(), changed.code());
  }

  /**
   * The stage element instance ended: completed (advanced through the gate) or cancelled.
   *
   * @param by the user signed in to the engine then (who moved it, for a cancelled stage), or null
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void left(String activityInstanceId, Instant at, boolean completed, String by) {
    IntervalsOfTransaction.closed(activityInstanceId);
    jdbc.update("update stage_interval set left_at = ?, outcome = ?, left_by = ? where activity_instance_id = ?"
        + " and left_at is null",
        Timestamp.from(at), (completed ? StageOutcome.ADVANCED : StageOutcome.LEFT).name(), by, activityInstanceId);
  }

  /**
   * A process-instance migration moved the stage element instance to another stage: the old stage is left at
   * {@code at} and the new one entered then, under the same activity instance (the old interval's activity
   * instance id gets its own id appended, so the instance's end still closes the new interval); {@code by}
   * migrated it, if the engine knows.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void migrated(String activityInstanceId, String processKey, String stage, int stageOrder, Instant at,
      String by) {
    Map<String, Object> open = jdbc.queryForList("select id, opportunity_code, process_instance_id, stage"
        + " from stage_interval where activity_instance_id = ? and left_at is null", activityInstanceId)
        .stream().findFirst().orElse(null);
    if (open == null || stage.equals(slice(open, "stage"))) {
      return;
    }
    long id = ((Number) slice(open, "id")).longValue();
    IntervalsOfTransaction.closed(activityInstanceId);
    jdbc.update("update stage_interval set activity_instance_id = ?, left_at = ?, outcome = ?, left_by = ? where id = ?",
        activityInstanceId + "#" + id, Timestamp.from(at), StageOutcome.LEFT.name(), by, id);
    entered((String) slice(open, "opportunity_code"), processKey, (String) slice(open, "process_instance_id"),
        activityInstanceId, stage, stageOrder, at, Source.ENGINE);
  }

  /**
   * Gives an imported opportunity the stage history the import knows: {@code history} in stage order, each
   * entered and left at the given times, all marked {@link Source#IMPORT}, in one batch, so intervals entered at
   * the same time read in stage order by id, as every reader orders them (entered_at, id). Written before an open
   * opportunity's process starts: the stage it continues in is then entered with its historical entry time
   * ({@link #entered}), which its tasks' captions and the funnel read.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void imported(String opportunityCode, String processKey, List<ImportedInterval> history) {
    Map<String, Object> slices = jdbc.queryForList("select owner, org_unit, region, project_type, customer_type"
        + " from opportunity where code = ?", opportunityCode).stream().findFirst().orElse(Map.of());
    jdbc.batchUpdate(IMPORTED_INTERVAL,
        history.stream().map(i -> intervalRow(opportunityCode, processKey, i, slices)).toList());
  }

  /**
   * Gives imported opportunities of one process the stage history the import knows, as {@link #imported} gives each
   * one, with one query for their slices and one batch of inserts: each one's history in stage order, one after the
   * other, so intervals of an opportunity entered at the same time still read in stage order by id.
   *
   * @param histories each opportunity's history by its code, in the order to write them
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void imported(String processKey, Map<String, List<ImportedInterval>> histories) {
    if (histories.isEmpty()) {
      return;
    }
    Map<String, Map<String, Object>> slicesByCode = new java.util.HashMap<>();
    new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).queryForList(
        "select code, owner, org_unit, region, project_type, customer_type from opportunity where code in (:codes)",
        Map.of("codes", histories.keySet())).forEach(row -> slicesByCode.put((String) slice(row, "code"), row));
    List<Object[]> rows = new java.util.ArrayList<>();
    histories.forEach((code, history) -> {
      Map<String, Object> slices = slicesByCode.getOrDefault(code, Map.of());
      history.forEach(i -> rows.add(intervalRow(code, processKey, i, slices)));
    });
    jdbc.batchUpdate(IMPORTED_INTERVAL, rows);
  }

  private static final String IMPORTED_INTERVAL = "insert into stage_interval (opportunity_code, process_key,"
      + " process_instance_id, activity_instance_id, stage, stage_order, entered_at, left_at, outcome, source, timed,"
      + " owner, org_unit, region, project_type, customer_type)"
      + " values (?, ?, null, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static Object[] intervalRow(String code, String processKey, ImportedInterval i, Map<String, Object> slices) {
    return new Object[] {code, processKey, i.stage().code(), i.stage().order(),
        Timestamp.from(i.enteredAt()), i.leftAt() == null ? null : Timestamp.from(i.leftAt()),
        i.outcome() == null ? null : i.outcome().name(), Source.IMPORT.name(), i.timed(), slice(slices, "owner"),
        slice(slices, "org_unit"), slice(slices, "region"), slice(slices, "project_type"),
        slice(slices, "customer_type")};
  }

  /**
   * One stage of an imported opportunity's history.
   *
   * @param leftAt null while it is still in the stage
   * @param outcome null while it is still in the stage
   * @param timed whether the file dated both ends, so that its dwell is true history and counts in the funnel's
   *     dwell figures: the entry, and the exit (or, while it is still in the stage, the entry alone: the engine
   *     will time the exit); not where the import filled a date in by its rules
   */
  public record ImportedInterval(StageDefinition stage, Instant enteredAt, Instant leftAt, StageOutcome outcome,
      boolean timed) {}

  /** A stage cancelled because the opportunity was lost was left as LOST, not otherwise. */
  @EventListener
  void on(OpportunityLost lost) {
    jdbc.update("update stage_interval set outcome = ? where id = (select max(id) from stage_interval"
        + " where opportunity_code = ? and outcome = ?)",
        StageOutcome.LOST.name(), lost.code(), StageOutcome.LEFT.name());
  }
}
