package io.oppflow.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.Opportunities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/warnings} on every database we support: each kind, who sees what, exports. */
abstract class WarningsContract {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void shouldListAStalledOpportunityForItsOwnerAndManagerUntilTheManagerContinues() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("WSTALL")).toString());
    String instance = instanceOf(code);
    assertThat(warningsOf(code, "manager1", "STALLED")).as("nothing before the dwell limit").isEmpty();

    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Timer_TARGET_Stalled")
        .singleResult().getId());

    List<JsonNode> stalled = warningsOf(code, "manager1", "STALLED");
    assertThat(stalled).hasSize(1);
    JsonNode w = stalled.get(0);
    assertThat(w.path("kind").asText()).isEqualTo("STALLED");
    assertThat(w.path("stage").asText()).isEqualTo("TARGET");
    assertThat(w.path("stageName").path("zh").asText()).isEqualTo("定位目标客户群");
    assertThat(w.path("owner").asText()).isEqualTo("rep1");
    assertThat(w.path("orgUnit").asText()).isEqualTo("HQ/East/Shanghai-1");
    assertThat(w.path("process").asText()).isEqualTo("project-sales-funnel");
    assertThat(w.path("since").asText()).isNotBlank();
    assertThat(w.path("at").asText()).isNotBlank();
    assertThat(w.path("daysInStage").asLong()).isZero();
    assertThat(w.path("message").path("zh").asText()).contains("定位目标客户群");
    assertThat(w.path("message").path("en").asText()).contains("dwell limit");
    assertThat(w.path("taskId").asText()).as("the review task").isEqualTo(tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_TARGET_ReviewStalled").singleResult().getId());
    assertThat(warningsOf(code, "rep1", "STALLED")).as("the owner sees it").hasSize(1);
    assertThat(warningsOf(code, "ops1", null)).as("sales-ops see everything").hasSize(1);
    assertThat(warningsOf(code, "expert1", null)).as("experts see everything").hasSize(1);
    assertThat(warningsOf(code, "rep2", null)).as("another rep does not").isEmpty();
    assertThat(warningsOf(code, "manager1", "SKIPPED_STAGE")).as("filtered by kind").isEmpty();

    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_TARGET_ReviewStalled")
        .singleResult().getId(), Map.of("stalledDecision", "CONTINUE", "stalledNote", "call on Monday"));

    assertThat(warningsOf(code, "manager1", null)).as("reviewed: no longer a warning").isEmpty();
  }

  @Test
  void shouldReportAStageSkippedByAProcessInstanceModification() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("WSKIP")).toString());

    runtime.createProcessInstanceModification(instanceOf(code)).startBeforeActivity("Stage_CONFIRM_INTENT").execute(true, true);

    List<JsonNode> skipped = warningsOf(code, "manager1", "SKIPPED_STAGE");
    assertThat(skipped).hasSize(1);
    assertThat(skipped.get(0).path("stage").asText()).isEqualTo("CONFIRM_INTENT");
    assertThat(skipped.get(0).path("message").path("en").asText())
        .contains("Locate the target customer group").contains("Confirm customer intent").contains("skipping 1 stage");
    assertThat(skipped.get(0).path("message").path("zh").asText()).contains("跳过了 1 个阶段");
    assertThat(skipped.get(0).path("taskId").asText()).as("the opportunity's open stage task").isEqualTo(tasks.createTaskQuery()
        .processInstanceBusinessKey(code).taskDefinitionKey("Task_CONFIRM_INTENT").singleResult().getId());
    assertThat(warningsOf(code, "manager1", "REOPENED")).isEmpty();
  }

  @Test
  void shouldReportAStageLeftWithoutItsGateAsSkipped() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("WLEFT")).toString());

    runtime.createProcessInstanceModification(instanceOf(code)).cancelAllForActivity("Stage_TARGET")
        .startBeforeActivity("Stage_INITIATE_PROJECT").execute(true, true);

    List<JsonNode> skipped = warningsOf(code, "ops1", "SKIPPED_STAGE");
    assertThat(skipped).extracting(w -> w.path("stage").asText()).containsExactlyInAnyOrder("TARGET", "INITIATE_PROJECT");
    JsonNode left = skipped.stream().filter(w -> w.path("stage").asText().equals("TARGET")).findFirst().orElseThrow();
    assertThat(left.path("message").path("en").asText()).contains("without passing its gate");
    String now = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_INITIATE_PROJECT")
        .singleResult().getId();
    assertThat(skipped).as("both lead to the stage task it is in now").allMatch(w -> w.path("taskId").asText().equals(now));
    JsonNode jumped = skipped.stream().filter(w -> w.path("stage").asText().equals("INITIATE_PROJECT")).findFirst().orElseThrow();
    assertThat(jumped.path("message").path("en").asText()).contains("skipping 2 stages");
  }

  @Test
  void shouldReportAnOpportunityReopenedAtAnEarlierStage() {
    String code = open(Opportunities.qualified(Opportunities.freshCode("WREOPEN")).toString());
    assertThat(as("rep1").post("/api/opportunities/" + code + "/advance", null).json().path("stage").asText()).isEqualTo("DISCOVER");
    assertThat(warningsOf(code, "manager1", null)).as("a normal advance warns of nothing").isEmpty();

    runtime.createProcessInstanceModification(instanceOf(code)).cancelAllForActivity("Stage_DISCOVER")
        .startBeforeActivity("Stage_TARGET").execute(true, true);

    List<JsonNode> reopened = warningsOf(code, "manager1", "REOPENED");
    assertThat(reopened).hasSize(1);
    assertThat(reopened.get(0).path("stage").asText()).isEqualTo("TARGET");
    assertThat(reopened.get(0).path("message").path("zh").asText()).contains("重新进入");
    assertThat(reopened.get(0).path("message").path("en").asText()).contains("re-entered").contains("Discover");
    assertThat(warningsOf(code, "rep1", "REOPENED")).hasSize(1);
  }

  @Test
  void shouldNarrowByOrgUnitAndOwner() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("WNARROW")).toString());
    runtime.createProcessInstanceModification(instanceOf(code)).startBeforeActivity("Stage_CONFIRM_INTENT").execute(true, true);

    assertThat(filtered(code, "ops1", "orgUnit=HQ/East")).hasSize(1);
    assertThat(filtered(code, "ops1", "orgUnit=HQ/East/Shanghai-1")).hasSize(1);
    assertThat(filtered(code, "ops1", "orgUnit=HQ/Eas")).as("a prefix of a name is not a parent unit").isEmpty();
    assertThat(filtered(code, "ops1", "orgUnit=HQ/North")).isEmpty();
    assertThat(filtered(code, "manager1", "owner=rep1")).hasSize(1);
    assertThat(filtered(code, "manager1", "owner=rep2")).isEmpty();
    assertThat(filtered(code, "rep1", "owner=rep1")).hasSize(1);
  }

  @Test
  void shouldRefuseOtherPeoplesWarningsAndBadParameters() {
    assertThat(as("rep1").get("/api/warnings?owner=rep2").status()).isEqualTo(403);
    assertThat(as("manager1").get("/api/warnings?orgUnit=HQ/North").status()).isEqualTo(403);
    assertThat(as("manager1").get("/api/warnings?orgUnit=HQ").status()).as("above the manager's unit").isEqualTo(403);
    ApiClient.Response badKind = as("manager1").get("/api/warnings?kind=LATE");
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
    ApiClient.Response badUnit = as("ops1").get("/api/warnings?orgUnit=HQ//East");
    assertThat(badUnit.status()).isEqualTo(400);
    assertThat(badUnit.json().path("errors").get(0).path("field").asText()).isEqualTo("orgUnit");
    assertThat(as("ops1").get("/api/warnings?format=pdf").status()).isEqualTo(400);
    assertThat(ApiClient.anonymous(port).get("/api/warnings").status()).isEqualTo(401);
    assertThat(as("manager1").get("/api/warnings?orgUnit=HQ/East/Shanghai-1").status()).isEqualTo(200);
  }

  @Test
  void shouldExportWarningsAsCsvAndXlsx() {
    String code = open(Opportunities.minimal(Opportunities.freshCode("WCSV")).toString());
    runtime.createProcessInstanceModification(instanceOf(code)).startBeforeActivity("Stage_CONFIRM_INTENT").execute(true, true);

    ApiClient.Response csv = as("manager1").get("/api/warnings?kind=SKIPPED_STAGE&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains("kind,opportunity,process,stage,stage_zh,stage_en,since,at,days_in_stage,owner,org_unit,message_zh,message_en,task_id")
        .contains("SKIPPED_STAGE," + code + ",project-sales-funnel,CONFIRM_INTENT,确认客户意向");
    ApiClient.Response xlsx = as("manager1").get("/api/warnings",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  private String open(String body) {
    ApiClient.Response created = as("rep1").post("/api/opportunities", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("code").asText();
  }

  private String instanceOf(String code) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
  }

  private List<JsonNode> warningsOf(String code, String user, String kind) {
    return filtered(code, user, kind == null ? "" : "kind=" + kind);
  }

  private List<JsonNode> filtered(String code, String user, String query) {
    ApiClient.Response r = as(user).get("/api/warnings" + (query.isEmpty() ? "" : "?" + query));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    r.json().path("warnings").forEach(w -> {
      if (w.path("opportunity").asText().equals(code)) {
        found.add(w);
      }
    });
    assertThat(r.json().path("count").asInt()).isEqualTo(r.json().path("warnings").size());
    return found;
  }
}
