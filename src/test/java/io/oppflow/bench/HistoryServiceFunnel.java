package io.oppflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The naive way the issue names: the stage history through Camunda's {@link HistoryService}
 * ({@code HistoricActivityInstance}s of the stage sub-processes, the business keys from the
 * {@code HistoricProcessInstance}s), the opportunities' slices and outcomes over JDBC, aggregation in Java.
 *
 * <p>Running the real engine for 100k opportunities takes far too long, so {@link #copyHistory} writes
 * {@code ACT_HI_PROCINST} and {@code ACT_HI_ACTINST} rows by SQL from the generated opportunities and stage
 * intervals, in the shape the engine writes them: one process instance per opportunity (business key = code)
 * and every activity instance of its stages and of the process, not only the stage sub-processes.
 */
final class HistoryServiceFunnel {

  private final ProcessEngine engine;

  HistoryServiceFunnel(DataSource ds) {
    engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration().setDataSource(ds)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setProcessEngineName("bench")
        .buildProcessEngine();
  }

  void close() {
    engine.close();
  }

  /**
   * Rewrites the engine's history from the generated data, in the shape the real engine writes for
   * project-sales-funnel (measured by running the process, see docs/benchmarks.md): per stage interval the
   * sub-process, its start event and user task; a stage passed adds the action gateway, the gate service task,
   * the gate-passed gateway and the stage end event; a stage lost adds the action gateway and the error end
   * event; a stage that outlasted its dwell limit adds the boundary timer, the review task and its end event.
   * Per opportunity: the start event, and Task_RecordWin/End_Won or the loss event sub-process (sub-process,
   * error start event, Task_RecordLoss, End_Lost). Gate retries (4 more rows per failed advance) are not
   * generated, so the copy is if anything smaller than the real history. Returns the number of activity rows.
   */
  static long copyHistory(JdbcTemplate jdbc) {
    jdbc.execute("truncate act_hi_actinst, act_hi_procinst");
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, end_time_, root_proc_inst_id_, state_) select pi.id, pi.id, o.code, o.process_key,"
        + " o.process_key || ':1:bench', o.created_at, o.closed_at, pi.id,"
        + " case when o.status = 'OPEN' then 'ACTIVE' else 'COMPLETED' end from opportunity o"
        + " join (select opportunity_code, min(process_instance_id) as id from stage_interval group by opportunity_code) pi"
        + " on pi.opportunity_code = o.code");
    String columns = "insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_,"
        + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, act_type_, start_time_, end_time_, duration_,"
        + " act_inst_state_, sequence_counter_)";
    String duration = ", cast(extract(epoch from a.end_t - a.start_t) * 1000 as bigint), a.state, a.n";
    // the stage's own elements; state 4 = ended, 1 = scope complete, 2 = cancelled, 0 = running
    jdbc.update(columns + " select case when a.n = 0 then si.activity_instance_id"
        + " else cast(cast(md5(si.activity_instance_id || a.n) as uuid) as varchar) end,"
        + " case when a.n = 0 or a.n >= 8 then si.process_instance_id else si.activity_instance_id end,"
        + " si.process_key, si.process_key || ':1:bench', si.process_instance_id, si.process_instance_id,"
        + " si.process_instance_id, a.act_id, a.act_type, a.start_t, a.end_t" + duration
        + " from stage_interval si"
        + " join (values ('TARGET', 14), ('DISCOVER', 30), ('CONFIRM_INTENT', 30), ('INITIATE_PROJECT', 45),"
        + " ('WIN_RECOGNITION', 45), ('NEGOTIATE', 30), ('CLOSE', 21)) lim(stage, days) on lim.stage = si.stage"
        + " cross join lateral (select si.entered_at + lim.days * interval '1 day' as fired) t"
        + " cross join lateral (values"
        + " (0, 'Stage_' || si.stage, 'subProcess', si.entered_at, si.left_at,"
        + "  case when si.left_at is null then 0 when si.outcome = 'ADVANCED' then 4 else 2 end, true),"
        + " (1, 'StageStart_' || si.stage, 'startEvent', si.entered_at, si.entered_at, 4, true),"
        + " (2, 'Task_' || si.stage, 'userTask', si.entered_at, si.left_at, case when si.left_at is null then 0 else 4 end, true),"
        + " (3, 'Gateway_' || si.stage || '_Action', 'exclusiveGateway', si.left_at, si.left_at, 4, si.left_at is not null),"
        + " (4, 'Gate_' || si.stage, 'serviceTask', si.left_at, si.left_at, 4, si.outcome = 'ADVANCED'),"
        + " (5, 'Gateway_' || si.stage || '_GatePassed', 'exclusiveGateway', si.left_at, si.left_at, 4, si.outcome = 'ADVANCED'),"
        + " (6, 'StageEnd_' || si.stage, 'noneEndEvent', si.left_at, si.left_at, 1, si.outcome = 'ADVANCED'),"
        + " (7, 'End_' || si.stage || '_Lost', 'errorEndEvent', si.left_at, si.left_at, 2, si.outcome = 'LOST'),"
        + " (8, 'Timer_' || si.stage || '_Stalled', 'boundaryTimer', t.fired, t.fired, 4,"
        + "  t.fired < coalesce(si.left_at, timestamp with time zone '2027-01-01 00:00:00+00')),"
        + " (9, 'Task_' || si.stage || '_ReviewStalled', 'userTask', t.fired, t.fired + interval '1 day', 4,"
        + "  t.fired < coalesce(si.left_at, timestamp with time zone '2027-01-01 00:00:00+00')),"
        + " (10, 'End_' || si.stage || '_StalledReviewed', 'noneEndEvent', t.fired + interval '1 day',"
        + "  t.fired + interval '1 day', 1, t.fired < coalesce(si.left_at, timestamp with time zone '2027-01-01 00:00:00+00'))"
        + " ) a(n, act_id, act_type, start_t, end_t, state, present) where a.present");
    // the process level: opened, and won or lost
    jdbc.update(columns + " select cast(cast(md5(p.id_ || a.n) as uuid) as varchar), p.id_, p.proc_def_key_,"
        + " p.proc_def_id_, p.id_, p.id_, p.id_, a.act_id, a.act_type, a.start_t, a.end_t" + duration
        + " from act_hi_procinst p join opportunity o on o.code = p.business_key_"
        + " cross join lateral (values"
        + " (100, 'StartEvent_OpportunityOpened', 'startEvent', o.created_at, o.created_at, 4, true),"
        + " (101, 'Task_RecordWin', 'serviceTask', o.closed_at, o.closed_at, 4, o.status = 'WON'),"
        + " (102, 'End_Won', 'noneEndEvent', o.closed_at, o.closed_at, 1, o.status = 'WON'),"
        + " (103, 'EventSubProcess_Lost', 'subProcess', o.closed_at, o.closed_at, 1, o.status = 'LOST'),"
        + " (104, 'StartEvent_Lost', 'errorStartEvent', o.closed_at, o.closed_at, 4, o.status = 'LOST'),"
        + " (105, 'Task_RecordLoss', 'serviceTask', o.closed_at, o.closed_at, 4, o.status = 'LOST'),"
        + " (106, 'End_Lost', 'noneEndEvent', o.closed_at, o.closed_at, 1, o.status = 'LOST')"
        + " ) a(n, act_id, act_type, start_t, end_t, state, present) where a.present");
    jdbc.execute("vacuum analyze act_hi_actinst");
    jdbc.execute("vacuum analyze act_hi_procinst");
    return jdbc.queryForObject("select count(*) from act_hi_actinst", Long.class);
  }


  /**
   * The same counts as {@link NaiveFunnel}, grouped by org unit, the stage history read through HistoryService.
   * The process instances are not filtered by definition key: that filter found none of the copied rows (it
   * goes through the deployed definitions, and there are none), and the benchmark has one process only.
   */
  NaiveFunnel.Result measure(DataSource ds, String process, Instant from, Instant to, Map<String, Double> probability)
      throws SQLException {
    HistoryService history = engine.getHistoryService();
    Map<String, String> codeOfInstance = new HashMap<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().list()) {
      codeOfInstance.put(pi.getId(), pi.getBusinessKey());
    }
    Map<String, NaiveFunnel.Opp> opps = new HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select code, org_unit, status, stage, created_at, closed_at, amount"
            + " from opportunity where process_key = ?")) {
      ps.setString(1, process);
      ps.setFetchSize(10000);
      c.setAutoCommit(false);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp closed = rs.getTimestamp(6);
          opps.put(rs.getString(1), new NaiveFunnel.Opp(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getTimestamp(5).toInstant(), closed == null ? null : closed.toInstant(), rs.getDouble(7)));
        }
      }
      c.commit();
    }
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    Map<String, Map<String, List<Double>>> dwell = new HashMap<>();
    List<HistoricActivityInstance> stages = history.createHistoricActivityInstanceQuery().activityType("subProcess")
        .startedAfter(Date.from(from.minusMillis(1))).startedBefore(Date.from(to)).list();
    for (HistoricActivityInstance a : stages) {
      Instant start = a.getStartTime().toInstant();
      if (start.isBefore(from) || !start.isBefore(to) || !process.equals(a.getProcessDefinitionKey())) {
        continue;
      }
      if (!a.getActivityId().startsWith("Stage_")) {
        continue; // the loss event sub-process is a sub-process too
      }
      NaiveFunnel.Opp o = opps.get(codeOfInstance.get(a.getProcessInstanceId()));
      String stage = a.getActivityId().substring("Stage_".length());
      long[] n = counts.computeIfAbsent(o.orgUnit(), k -> new TreeMap<>()).computeIfAbsent(stage, k -> new long[4]);
      n[0]++;
      if (a.getEndTime() == null) {
        n[3]++;
      } else {
        if (a.isCanceled()) {
          if ("LOST".equals(o.status())) {
            n[2]++;
          }
        } else {
          n[1]++;
        }
        dwell.computeIfAbsent(o.orgUnit(), k -> new HashMap<>()).computeIfAbsent(stage, k -> new ArrayList<>())
            .add((a.getEndTime().getTime() - a.getStartTime().getTime()) / 86_400_000.0);
      }
    }
    NaiveFunnel.summariseDwell(dwell);
    Map<String, long[]> outcomes = new TreeMap<>();
    NaiveFunnel.addOutcomes(opps.values(), from, to, probability, outcomes);
    return new NaiveFunnel.Result(counts, outcomes);
  }
}
