package io.oppflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import io.oppflow.support.PostgresServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup removes Camunda's history of ended opportunities and nothing of oppflow's: the funnel (stage
 * intervals), the compliance audit (gate records, the bypass scan) and the gate log's chain answer the same
 * before and after. The evidence the bypass scan takes from Camunda's user operation log is Camunda history, and
 * goes with it (docs/operations.md); the violation itself stays.
 */
@PostgresServiceTest
class HistoryCleanupOnPostgresIT {

  /** Camunda's history tables that hold rows per process instance (by root process instance). */
  private static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log", "act_hi_comment",
      "act_hi_incident");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngine engine;

  @Test
  void shouldKeepTheFunnelComplianceAndAuditAnswersWhenCleanupRemovesTheHistoryOfEndedOpportunities() {
    String unit = "HQ/East/HC" + UUID.randomUUID().toString().substring(0, 8);
    String won = win(open(Opportunities.qualified(Opportunities.freshCode("HCWON")).put("orgUnit", unit)));
    String lost = open(Opportunities.minimal(Opportunities.freshCode("HCLOST")).put("orgUnit", unit));
    assertThat(advance(lost)).isEqualTo("FAILED");
    lose(lost);
    String bypassed = open(Opportunities.minimal(Opportunities.freshCode("HCBYPASS")).put("orgUnit", unit));
    assertThat(advance(bypassed)).isEqualTo("FAILED");
    moveToDiscoverByHand(instanceOf(bypassed));
    lose(bypassed);
    String running = open(Opportunities.qualified(Opportunities.freshCode("HCOPEN")).put("orgUnit", unit));
    assertThat(advance(running)).isEqualTo("PASSED");
    List<String> ended = List.of(instanceOf(won), instanceOf(lost), instanceOf(bypassed));
    String open = instanceOf(running);

    Map<String, JsonNode> before = answers(unit);
    Map<String, Long> endedBefore = historyRows(ended);
    Map<String, Long> openBefore = historyRows(List.of(open));
    long ownRowsBefore = ownRows(unit);
    assertThat(before.get("violations").path("count").asLong()).isEqualTo(1);
    assertThat(before.get("violations").path("violations").get(0).path("operation").path("userId").asText()).isEqualTo("admin");
    assertThat(endedBefore.get("act_hi_procinst")).isEqualTo(3);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(ended)).list())
        .allSatisfy(p -> assertThat(p.getRemovalTime()).as("removal time = end + time to live")
            .isCloseTo(Date.from(p.getEndTime().toInstant().plus(timeToLiveDays(p.getProcessDefinitionId()), ChronoUnit.DAYS)),
                1000));

    makeHistoryDue(ended);
    runHistoryCleanup(ended);

    Map<String, Long> endedAfter = historyRows(ended);
    Map<String, Long> openAfter = historyRows(List.of(open));
    Map<String, JsonNode> after = answers(unit);
    System.out.printf("[cleanup] Camunda history rows of the 3 ended opportunities: before %s, after %s%n", endedBefore, endedAfter);
    System.out.printf("[cleanup] Camunda history rows of the running opportunity: before %s, after %s%n", openBefore, openAfter);
    System.out.printf("[cleanup] oppflow rows (stage_interval + gate_record) of the unit: before %d, after %d;"
        + " violations %d → %d; chain checked %d → %d%n", ownRowsBefore, ownRows(unit),
        before.get("violations").path("count").asLong(), after.get("violations").path("count").asLong(),
        before.get("verify").path("checked").asLong(), after.get("verify").path("checked").asLong());

    assertThat(endedAfter).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    assertThat(openAfter).isEqualTo(openBefore);
    assertThat(openAfter.get("act_hi_procinst")).isEqualTo(1);
    assertThat(ownRows(unit)).isEqualTo(ownRowsBefore);

    assertThat(after.get("funnel")).isEqualTo(before.get("funnel"));
    assertThat(after.get("report")).isEqualTo(before.get("report"));
    assertThat(after.get("verify")).isEqualTo(before.get("verify"));
    JsonNode violationBefore = before.get("violations").path("violations").get(0);
    JsonNode violationAfter = after.get("violations").path("violations").get(0);
    assertThat(after.get("violations").path("count").asLong()).isEqualTo(1);
    assertThat(violationAfter.path("operation").isMissingNode()).as("the evidence went with Camunda's history").isTrue();
    assertThat(violationAfter).isEqualTo(((ObjectNode) violationBefore.deepCopy()).without("operation"));
  }

  @Test
  void shouldKeepHistoryFiveYearsAfterTheEndAndCleanItUpAtNightInChina() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(config.getHistoryTimeToLive()).isEqualTo("P1825D");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .filteredOn(d -> List.of("project-sales-funnel", "classic-funnel").contains(d.getKey()))
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(1825));
    assertThat(history.findHistoryCleanupJobs()).as("the engine scheduled the cleanup at start").isNotEmpty();
  }

  /** The four answers, as sales-ops reads them; verify without its duration. */
  private Map<String, JsonNode> answers(String unit) {
    String scope = "process=project-sales-funnel&orgUnit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8);
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    answers.put("funnel", get("/api/funnel?" + scope));
    answers.put("violations", get("/api/compliance/violations?" + scope));
    answers.put("report", get("/api/compliance/report?groupBy=owner&" + scope));
    answers.put("verify", ((ObjectNode) get("/api/audit/verify")).without("millis"));
    return answers;
  }

  /** As an operator would for instances whose time has come: removal time in the past, through Camunda's batch. */
  private void makeHistoryDue(List<String> instances) {
    Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
    Batch batch = history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(yesterday)
        .byIds(instances.toArray(String[]::new)).executeAsync();
    // the batch's seed, execution and monitor jobs, run here rather than at the job executor's next look
    Set<String> batchJobs = Set.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
      management.createJobQuery().list().stream().filter(job -> job.getJobDefinitionId() != null && batchJobs.contains(job.getJobDefinitionId()))
          .forEach(this::run);
      return management.createBatchQuery().batchId(batch.getId()).count() == 0
          && history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).list().stream()
              .allMatch(p -> yesterday.equals(p.getRemovalTime()));
    });
  }

  /** Camunda's cleanup job, made due now; run here rather than waiting for the job executor's next look. */
  private void runHistoryCleanup(List<String> instances) {
    history.cleanUpHistoryAsync(true);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      history.findHistoryCleanupJobs().forEach(job -> run(job));
      return history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).count() == 0
          && historyRows(instances).values().stream().allMatch(n -> n == 0);
    });
  }

  /**
   * Runs a job; the job executor may take it at the same time, and then one of the two fails (an
   * optimistic locking conflict, or the job changed under it) and the next poll looks again.
   */
  private void run(Job job) {
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException concurrentlyRun) {
      // the next poll looks again
    }
  }

  private int timeToLiveDays(String processDefinitionId) {
    return repository.getProcessDefinition(processDefinitionId).getHistoryTimeToLive();
  }

  private Map<String, Long> historyRows(List<String> rootInstances) {
    String in = String.join(",", rootInstances.stream().map(id -> "'" + id.replace("'", "") + "'").toList());
    Map<String, Long> rows = new LinkedHashMap<>();
    HISTORY_TABLES.forEach(table -> rows.put(table,
        jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ in (" + in + ")", Long.class)));
    return rows;
  }

  private long ownRows(String unit) {
    return jdbc.queryForObject("select count(*) from stage_interval where org_unit = ?", Long.class, unit)
        + jdbc.queryForObject("select count(*) from gate_record g join opportunity o on o.code = g.opportunity_code"
            + " where o.org_unit = ?", Long.class, unit);
  }

  private String win(String code) {
    assertThat(rep1().patch("/api/opportunities/" + code, Opportunities.allRemainingFacts()).status()).isEqualTo(200);
    for (int stage = 1; stage <= 7; stage++) {
      if (stage == 3) {
        ApiClient.Response logged = rep1().post("/api/opportunities/" + code + "/activities", "{\"type\": \"MEETING\","
            + " \"date\": \"" + LocalDate.now() + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}");
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
      }
      assertThat(advance(code)).as("stage " + stage).isEqualTo("PASSED");
    }
    assertThat(rep1().get("/api/opportunities/" + code).json().path("status").asText()).isEqualTo("WON");
    return code;
  }

  private void lose(String code) {
    ApiClient.Response lost = rep1().post("/api/opportunities/" + code + "/lose", "{\"reason\": \"CUSTOMER_STOPPED\"}");
    assertThat(lost.status()).as(lost.toString()).isBetween(200, 204);
  }

  /** The administrator moves it past its failed gate with the engine REST API: a bypass, logged by the engine. */
  private void moveToDiscoverByHand(String instance) {
    ApiClient.Response moved = ApiClient.as(port, "admin", PostgresServiceTest.ADMIN_PASSWORD)
        .post("/engine-rest/process-instance/" + instance + "/modification", """
            {"instructions": [
               {"type": "cancel", "activityId": "Stage_TARGET"},
               {"type": "startBeforeActivity", "activityId": "Stage_DISCOVER"}]}""");
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);
  }

  /** rep1's opportunity in the test's own unit, opened by sales-ops (a rep opens only in their own team). */
  private String open(ObjectNode body) {
    ApiClient.Response r = ApiClient.as(port, "ops1").post("/api/opportunities", body.put("owner", "rep1").toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("code").asText();
  }

  private String advance(String code) {
    ApiClient.Response r = rep1().post("/api/opportunities/" + code + "/advance", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().path("verdict").asText();
  }

  private String instanceOf(String code) {
    return rep1().get("/api/opportunities/" + code).json().path("processInstanceId").asText();
  }

  private JsonNode get(String path) {
    ApiClient.Response r = ApiClient.as(port, "ops1").get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private ApiClient rep1() {
    return ApiClient.as(port, "rep1");
  }
}
