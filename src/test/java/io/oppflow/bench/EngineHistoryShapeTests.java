package io.oppflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity history the engine writes per stage of project-sales-funnel, which
 * {@link HistoryServiceFunnel#copyHistory} reproduces for the funnel benchmark: if the process changes, this
 * fails, and the benchmark's copy must follow.
 */
@H2ServiceTest
class EngineHistoryShapeTests {

  private static final String STAGE_CODES = "TARGET|DISCOVER|CONFIRM_INTENT|INITIATE_PROJECT|WIN_RECOGNITION|NEGOTIATE|CLOSE";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @Test
  void shouldWriteSevenActivitiesPerStagePassedPlusStartRecordWinAndEnd() {
    String code = Opportunities.freshCode("SHAPE");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1.patch("/api/opportunities/" + code, Opportunities.allRemainingFacts());
    for (String stage : FunnelDataGenerator.STAGES) {
      if (stage.equals("CONFIRM_INTENT")) {
        rep1.post("/api/opportunities/" + code + "/activities", "{\"type\": \"MEETING\", \"date\": \"" + LocalDate.now()
            + "\", \"contact\": \"王强\", \"note\": \"CIO confirmed the need\"}");
      }
      assertThat(rep1.post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText()).isEqualTo("PASSED");
    }

    assertThat(activities(code)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("startEvent StartEvent_OpportunityOpened 4", 1L),
        Map.entry("subProcess Stage_X 4", 7L), Map.entry("startEvent StageStart_X 4", 7L),
        Map.entry("userTask Task_X 4", 7L), Map.entry("exclusiveGateway Gateway_X_Action 4", 7L),
        Map.entry("serviceTask Gate_X 4", 7L), Map.entry("exclusiveGateway Gateway_X_GatePassed 4", 7L),
        Map.entry("noneEndEvent StageEnd_X 1", 7L),
        Map.entry("serviceTask Task_RecordWin 4", 1L), Map.entry("noneEndEvent End_Won 1", 1L)));
  }

  @Test
  void shouldWriteTheLostStageAndTheLossEventSubProcessWhenLost() {
    String code = Opportunities.freshCode("SHAPE");
    ApiClient rep1 = ApiClient.as(port, "rep1");
    rep1.post("/api/opportunities", Opportunities.qualified(code).toString());
    rep1.post("/api/opportunities/" + code + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Kingdee\"}");

    assertThat(activities(code)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("startEvent StartEvent_OpportunityOpened 4", 1L),
        Map.entry("subProcess Stage_X 2", 1L), Map.entry("startEvent StageStart_X 4", 1L),
        Map.entry("userTask Task_X 4", 1L), Map.entry("exclusiveGateway Gateway_X_Action 4", 1L),
        Map.entry("errorEndEvent End_X_Lost 2", 1L),
        Map.entry("subProcess EventSubProcess_Lost 1", 1L), Map.entry("errorStartEvent StartEvent_Lost 4", 1L),
        Map.entry("serviceTask Task_RecordLoss 4", 1L), Map.entry("noneEndEvent End_Lost 1", 1L)));
  }

  @Test
  void shouldAddTimerReviewTaskAndEndWhenAStageOutlastsItsDwellLimit() {
    String code = Opportunities.freshCode("SHAPE");
    ApiClient.as(port, "rep1").post("/api/opportunities", Opportunities.qualified(code).toString());
    String instance = processInstanceOf(code);
    management.executeJob(management.createJobQuery().processInstanceId(instance).timers()
        .activityId("Timer_TARGET_Stalled").singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_TARGET_ReviewStalled")
        .singleResult().getId(), Map.of("stalledDecision", "CONTINUE", "stalledNote", "follow up"));

    assertThat(activities(code)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("startEvent StartEvent_OpportunityOpened 4", 1L),
        Map.entry("subProcess Stage_X 0", 1L), Map.entry("startEvent StageStart_X 4", 1L),
        Map.entry("userTask Task_X 0", 1L),
        Map.entry("boundaryTimer Timer_X_Stalled 4", 1L), Map.entry("userTask Task_X_ReviewStalled 4", 1L),
        Map.entry("noneEndEvent End_X_StalledReviewed 1", 1L)));
  }

  private String processInstanceOf(String code) {
    return jdbc.queryForObject("select proc_inst_id_ from act_hi_procinst where business_key_ = ?", String.class, code);
  }

  /** "type activity-id-with-the-stage-code-as-X state" → how many. */
  private Map<String, Long> activities(String code) {
    List<Map<String, Object>> rows = jdbc.queryForList("select act_type_, act_id_, act_inst_state_ from act_hi_actinst"
        + " where proc_inst_id_ = ?", processInstanceOf(code));
    return rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.get("ACT_TYPE_") + " "
        + r.get("ACT_ID_").toString().replaceAll(STAGE_CODES, "X") + " " + r.get("ACT_INST_STATE_"),
        java.util.stream.Collectors.counting()));
  }
}
