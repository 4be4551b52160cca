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
 * intervals: one process instance per opportunity (business key = code), one {@code subProcess} activity
 * instance {@code Stage_<code>} per interval with its start, end and state (completed, canceled or running).
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

  /** Rewrites the engine's history from the generated data. */
  static void copyHistory(JdbcTemplate jdbc) {
    jdbc.execute("truncate act_hi_actinst, act_hi_procinst");
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, end_time_, root_proc_inst_id_, state_) select 'pi-' || code, 'pi-' || code, code, process_key,"
        + " process_key || ':1:bench', created_at, closed_at, 'pi-' || code,"
        + " case when status = 'OPEN' then 'ACTIVE' else 'COMPLETED' end from opportunity");
    jdbc.update("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_, act_inst_state_,"
        + " sequence_counter_) select 'ai-' || id, process_key, process_key || ':1:bench', 'pi-' || opportunity_code,"
        + " 'pi-' || opportunity_code, 'pi-' || opportunity_code, 'Stage_' || stage, stage, 'subProcess', entered_at,"
        + " left_at, cast(extract(epoch from left_at - entered_at) * 1000 as bigint),"
        + " case when left_at is null then 0 when outcome = 'ADVANCED' then 1 else 2 end, stage_order"
        + " from stage_interval");
    jdbc.execute("analyze act_hi_actinst");
    jdbc.execute("analyze act_hi_procinst");
  }

  private record Opp(String orgUnit, String status, String stage, Instant created, Instant closed, double amount) {}

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
    Map<String, Opp> opps = new HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select code, org_unit, status, stage, created_at, closed_at, amount"
            + " from opportunity where process_key = ?")) {
      ps.setString(1, process);
      ps.setFetchSize(10000);
      c.setAutoCommit(false);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp closed = rs.getTimestamp(6);
          opps.put(rs.getString(1), new Opp(rs.getString(2), rs.getString(3), rs.getString(4),
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
      Opp o = opps.get(codeOfInstance.get(a.getProcessInstanceId()));
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
    dwell.values().forEach(byStage -> byStage.values().forEach(d -> {
      d.sort(null);
      double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (mean < 0 || NaiveFunnel.percentile(d, 0.5) < 0 || NaiveFunnel.percentile(d, 0.9) < 0) {
        throw new IllegalStateException("negative dwell");
      }
    }));
    Map<String, long[]> outcomes = new TreeMap<>();
    Map<String, double[]> cycleAndPipeline = new HashMap<>();
    for (Opp o : opps.values()) {
      boolean closedIn = o.closed() != null && !o.closed().isBefore(from) && o.closed().isBefore(to);
      long[] g = outcomes.computeIfAbsent(o.orgUnit(), k -> new long[3]);
      double[] cp = cycleAndPipeline.computeIfAbsent(o.orgUnit(), k -> new double[2]);
      if (o.status().equals("WON") && closedIn) {
        g[0]++;
        cp[0] += (o.closed().toEpochMilli() - o.created().toEpochMilli()) / 86_400_000.0;
      } else if (o.status().equals("LOST") && closedIn) {
        g[1]++;
      } else if (o.status().equals("OPEN") && o.created().isBefore(to)) {
        g[2]++;
        cp[1] += o.amount() * probability.getOrDefault(o.stage(), 0.0);
      }
    }
    return new NaiveFunnel.Result(counts, outcomes);
  }
}
