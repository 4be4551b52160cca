package io.oppflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.BpmnAssertionsOnTheEngine;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasks that name their deal: the stage task, the exception approval and the stalled review say which
 * opportunity they are for and where its gate stands, in their name, description and gate feedback; they
 * follow the facts, and the feedback belongs to the stage it came from.
 */
@H2ServiceTest
@ExtendWith(BpmnAssertionsOnTheEngine.class)
class TaskCaptionProcessTests {

  private static final String CUSTOMER = "华为技术";
  private static final String DEAL = "ERP 升级";
  private static final String TARGET = "1 定位目标客户群";
  private static final String DISCOVER = "2 发掘客户潜在的商机";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.oppflow.process.adapter.OpenTaskCaptions captions;

  @Test
  void shouldNameTheStageTaskForItsDealAndDescribeItsFacts() {
    ProcessInstance instance = open(deal("CAP"));
    String code = instance.getBusinessKey();

    Task stageTask = task(instance);

    assertThat(stageTask).hasName(TARGET + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    assertThat(stageTask.getDescription()).as("a first stage has nothing to report yet")
        .startsWith("商机 / Opportunity: " + DEAL + " (" + code + ") · 客户 / Customer: " + CUSTOMER + "\n")
        .contains("金额 / Amount: CNY 1,200,000 · 负责人 / Owner: rep1 · 组织 / Org unit: HQ/East/Shanghai-1")
        .contains("阶段 / Stage: " + TARGET + " / Locate the target customer group · " + LocalDate.now() + " 进入，截至 "
            + LocalDate.now() + " 已 0 天 / entered " + LocalDate.now() + ", 0 days as of " + LocalDate.now())
        .contains("本阶段关卡 / This stage's gate: 尚未申请推进 / no advance requested yet")
        .contains("Promotion marker: the customer is in a target segment");
    assertThat(forms.getTaskFormVariables(stageTask.getId()).get("gateFeedback")).isNull();
  }

  @Test
  void shouldNameTheReopenedTaskForItsFailureAndShowTheFailedCriteria() {
    ProcessInstance instance = open(deal("FAILCAP"));
    String code = instance.getBusinessKey();

    rep1().post("/api/opportunities/" + code + "/advance", null);

    Task reopened = task(instance);
    assertThat(reopened).hasDefinitionKey("Task_TARGET")
        .hasName("✗ 关卡未通过 / Gate failed: TARGET-01 · " + TARGET + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    assertThat(reopened.getDescription())
        .startsWith("✗ 本阶段关卡未通过 / This stage's gate failed: TARGET-01")
        .contains("本阶段关卡 / This stage's gate: ✗ 未通过 / failed（" + LocalDate.now() + "）: TARGET-01");
    assertThat(forms.getTaskFormVariables(reopened.getId()).get("gateFeedback").toString())
        .startsWith("✗ TARGET-01: ").contains("目标客户群").contains("target");
  }

  @Test
  void shouldSayThePreviousGatePassedAndStartTheNextStageWithoutItsFeedback() {
    ProcessInstance instance = open(deal("PASSCAP"));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);
    assertThat(forms.getTaskFormVariables(task(instance).getId()).get("gateFeedback")).as("failed once at TARGET").isNotNull();
    rep1().patch("/api/opportunities/" + code, "{\"customer\": {\"inTargetSegment\": true}}");

    rep1().post("/api/opportunities/" + code + "/advance", null);

    Task discover = task(instance);
    assertThat(discover).hasDefinitionKey("Task_DISCOVER").hasName(DISCOVER + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    assertThat(discover.getDescription())
        .startsWith("✓ 上一阶段关卡已通过 / Previous gate passed: " + TARGET + " / Locate the target customer group（"
            + LocalDate.now() + "）")
        .contains("本阶段关卡 / This stage's gate: 尚未申请推进 / no advance requested yet");
    assertThat(forms.getTaskFormVariables(discover.getId()).get("gateFeedback")).as("TARGET's feedback stays with TARGET")
        .isNull();
  }

  @Test
  void shouldNameTheApprovalForItsDealAndStartTheNextStageCleanAfterItIsApproved() {
    ProcessInstance instance = open(deal("APPCAP"));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);
    long exception = requestException(code);

    Task approval = task(instance);
    assertThat(approval).hasDefinitionKey("Task_TARGET_ApproveException")
        .hasName("审批关卡例外 / Approve gate exception · " + TARGET + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    assertThat(approval.getDescription())
        .startsWith("例外申请 / Exception requested by rep1（" + LocalDate.now() + "）: 集团战略客户 / strategic group account\n")
        .contains("金额 / Amount: CNY 1,200,000").contains("本阶段关卡 / This stage's gate: ✗ 未通过");
    assertThat(forms.getTaskFormVariables(approval.getId()).get("gateFeedback").toString()).contains("TARGET-01");
    assertThat(forms.getTaskFormVariables(approval.getId()).get("dealSummary").toString())
        .as("the approval form names the deal the manager decides on")
        .contains("商机 / Opportunity: " + DEAL + " (" + code + ")").contains("客户 / Customer: " + CUSTOMER)
        .contains("金额 / Amount: CNY 1,200,000").contains("负责人 / Owner: rep1").contains("已 0 天");

    assertThat(ApiClient.as(port, "manager1").post("/api/exceptions/" + exception + "/approve",
        "{\"reason\": \"Q1 push\"}").status()).isEqualTo(200);

    Task discover = task(instance);
    assertThat(discover).hasDefinitionKey("Task_DISCOVER").hasName(DISCOVER + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    assertThat(discover.getDescription()).startsWith("✓ 上一阶段按例外通过 / Previous gate passed by exception: " + TARGET
        + " / Locate the target customer group（manager1 批准 / approved by manager1, " + LocalDate.now() + "）");
    assertThat(forms.getTaskFormVariables(discover.getId()).get("gateFeedback"))
        .as("no ✗ TARGET-01 on the DISCOVER form").isNull();
  }

  @Test
  void shouldNameTheReopenedTaskForARejectedExceptionWithWhoRejectedItAndWhy() {
    ProcessInstance instance = open(deal("REJCAP"));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);
    long exception = requestException(code);

    assertThat(ApiClient.as(port, "manager1").post("/api/exceptions/" + exception + "/reject",
        "{\"reason\": \"先确认目标客户群 / confirm the segment first\"}").status()).isEqualTo(200);

    Task reopened = task(instance);
    assertThat(reopened).hasDefinitionKey("Task_TARGET")
        .hasName("✗ 例外被驳回 / Exception rejected · " + TARGET + " · " + CUSTOMER + " · " + DEAL + " (" + code + ")");
    String rejected = "✗ 例外申请被 manager1 驳回 / Exception rejected by manager1: 先确认目标客户群 / confirm the segment first";
    assertThat(reopened.getDescription()).startsWith(rejected + "\n");
    assertThat(forms.getTaskFormVariables(reopened.getId()).get("gateFeedback").toString()).startsWith(rejected + "\n✗ TARGET-01: ");
  }

  @Test
  void shouldNameTheStalledReviewForItsDealAndTheDaysInTheStage() {
    ProcessInstance instance = open(deal("STALLCAP"));
    String code = instance.getBusinessKey();
    rep1().post("/api/opportunities/" + code + "/advance", null);

    management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Timer_TARGET_Stalled").singleResult().getId());

    Task review = task("Task_TARGET_ReviewStalled", instance);
    assertThat(review).hasName("审查停滞商机 / Review stalled opportunity · " + TARGET + " · " + CUSTOMER + " · " + DEAL
        + " (" + code + ")");
    assertThat(review.getDescription()).startsWith("⏱ 超过阶段时限 / Dwell limit exceeded: P14D\n")
        .contains("已 0 天 / entered").contains("本阶段关卡 / This stage's gate: ✗ 未通过");
    assertThat(forms.getTaskFormVariables(review.getId()).get("gateFeedback").toString()).contains("TARGET-01");
    assertThat(forms.getTaskFormVariables(review.getId()).get("dealSummary").toString()).as("the review form names the deal")
        .isEqualTo(review.getDescription());
    assertThat(forms.getTaskFormVariables(task("Task_TARGET", instance).getId()).get("dealSummary"))
        .as("a stage task's form has its own fields").isNull();
    assertThat(task("Task_TARGET", instance).getName()).as("the rep's task keeps its own name")
        .startsWith("✗ 关卡未通过 / Gate failed: TARGET-01");
  }

  @Test
  void shouldRenameEveryOpenTaskOfTheDealWhenItsFactsChangeAsTheSystem() {
    ProcessInstance instance = open(deal("RENCAP"));
    String code = instance.getBusinessKey();
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Timer_TARGET_Stalled").singleResult().getId());

    assertThat(rep1().patch("/api/opportunities/" + code,
        "{\"name\": \"ERP 二期\", \"amount\": 3500000, \"customer\": {\"name\": \"华为终端\"}}").status()).isEqualTo(200);

    Task stageTask = task("Task_TARGET", instance);
    Task review = task("Task_TARGET_ReviewStalled", instance);
    assertThat(stageTask).hasName(TARGET + " · 华为终端 · ERP 二期 (" + code + ")");
    assertThat(stageTask.getDescription()).contains("金额 / Amount: CNY 3,500,000").doesNotContain("1,200,000");
    assertThat(review.getName()).endsWith(TARGET + " · 华为终端 · ERP 二期 (" + code + ")");
    assertThat(review.getDescription()).contains("金额 / Amount: CNY 3,500,000");
    assertThat(forms.getTaskFormVariables(review.getId()).get("dealSummary").toString()).contains("金额 / Amount: CNY 3,500,000");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getName())
        .isEqualTo(review.getName());

    // rep1 changes the customer on the form in Tasklist (signed in to the engine): the task that comes back
    // carries the new name, and so does the managers' review, which rep1 may not even see: the renaming is
    // the system's, with no authorization asked and no operation of rep1's logged
    ApiClient.Response submitted = rep1().post("/engine-rest/task/" + stageTask.getId() + "/submit-form",
        "{\"variables\": {\"customerName\": {\"value\": \"华为云\"}, \"stageAction\": {\"value\": \"ADVANCE\"}}}");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
    assertThat(rep1().get("/engine-rest/task/" + review.getId()).status()).as("rep1 cannot see the review").isEqualTo(404);
    assertThat(task("Task_TARGET", instance).getName()).isEqualTo("✗ 关卡未通过 / Gate failed: TARGET-01 · " + TARGET
        + " · 华为云 · ERP 二期 (" + code + ")");
    assertThat(task("Task_TARGET_ReviewStalled", instance).getName()).endsWith(" · 华为云 · ERP 二期 (" + code + ")");
    assertThat(history.createUserOperationLogQuery().taskId(review.getId()).count()).as("no user renamed the review")
        .isZero();
  }

  @Test
  void shouldCountTheDaysInTheStageAgainEveryNightFromTheDateTheStageWasEntered() {
    ProcessInstance instance = open(deal("DAYCAP"));
    LocalDate entered = LocalDate.now().minusDays(12);
    jdbc.update("update stage_interval set entered_at = ? where process_instance_id = ? and left_at is null",
        java.sql.Timestamp.valueOf(entered.atTime(9, 30)), instance.getId());

    captions.nightly();

    assertThat(task(instance).getDescription()).contains(entered + " 进入，截至 " + LocalDate.now() + " 已 12 天 / entered "
        + entered + ", 12 days as of " + LocalDate.now());
  }

  private ApiClient rep1() {
    return ApiClient.as(port, "rep1");
  }

  /** rep1's opportunity "ERP 升级" of 华为技术, CNY 1.2 million, which fails the TARGET gate. */
  private static ObjectNode deal(String prefix) {
    ObjectNode body = Opportunities.minimal(Opportunities.freshCode(prefix));
    body.put("name", DEAL).put("amount", 1200000).put("currency", "CNY");
    body.putObject("customer").put("name", CUSTOMER);
    return body;
  }

  private long requestException(String code) {
    ApiClient.Response r = rep1().post("/api/opportunities/" + code + "/exceptions",
        "{\"reason\": \"集团战略客户 / strategic group account\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private ProcessInstance open(ObjectNode body) {
    ApiClient.Response created = rep1().post("/api/opportunities", body.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.json().path("code").asText()).singleResult();
  }
}
