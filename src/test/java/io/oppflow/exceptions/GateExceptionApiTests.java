package io.oppflow.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.oppflow.support.ApiClient;
import io.oppflow.support.H2ServiceTest;
import io.oppflow.support.Opportunities;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A manager's exception to a failed gate: asked with a reason, decided on the record, by the right manager. */
@H2ServiceTest
class GateExceptionApiTests {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired FormService forms;

  ApiClient as(String user) { return ApiClient.as(port, user); }

  /** An opportunity of rep1 (HQ/East/Shanghai-1) whose TARGET gate has just failed. */
  String failedAtTarget() {
    String code = Opportunities.freshCode("EXC");
    as("rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    assertThat(as("rep1").post("/api/opportunities/" + code + "/advance", null).json().path("verdict").asText()).isEqualTo("FAILED");
    return code;
  }

  JsonNode requestException(String code) {
    ApiClient.Response r = as("rep1").post("/api/opportunities/" + code + "/exceptions",
        "{\"reason\": \"客户是集团战略客户 / strategic group account\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void shouldAdvanceOnAnApprovedExceptionAndRecordItAsOverriddenWithApproverAndReason() {
    String code = failedAtTarget();
    JsonNode requested = requestException(code);
    assertThat(requested.path("status").asText()).isEqualTo("PENDING");
    assertThat(requested.path("failures").findValuesAsText("code")).containsExactly("TARGET-01");
    assertThat(requested.path("requestedBy").asText()).isEqualTo("rep1");

    ApiClient.Response approved = as("manager1").post("/api/exceptions/" + requested.path("id").asLong() + "/approve",
        "{\"reason\": \"segment review pending; approved for Q1 push\"}");

    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().path("decidedBy").asText()).isEqualTo("manager1");
    assertThat(as("rep1").get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("DISCOVER");
    JsonNode records = as("rep1").get("/api/opportunities/" + code + "/gate-records").json();
    JsonNode overridden = records.get(records.size() - 1);
    assertThat(overridden.path("verdict").asText()).isEqualTo("OVERRIDDEN");
    assertThat(overridden.path("stage").asText()).isEqualTo("TARGET");
    assertThat(overridden.path("approvedBy").asText()).isEqualTo("manager1");
    assertThat(overridden.path("overrideReason").asText()).isEqualTo("segment review pending; approved for Q1 push");
    assertThat(overridden.path("requestedBy").asText()).isEqualTo("rep1");
    assertThat(overridden.path("failures").findValuesAsText("code")).containsExactly("TARGET-01");
    assertThat(approved.json().path("overriddenGateRecordId").asLong()).isEqualTo(overridden.path("id").asLong());
  }

  @Test
  void shouldSendTheRepBackWithTheManagersReasonOnARejection() {
    String code = failedAtTarget();
    long id = requestException(code).path("id").asLong();

    ApiClient.Response rejected = as("manager1").post("/api/exceptions/" + id + "/reject", "{\"reason\": \"confirm the segment first\"}");

    assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
    assertThat(as("rep1").get("/api/opportunities/" + code).json().path("stage").asText()).isEqualTo("TARGET");
    Task repTask = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_TARGET").singleResult();
    assertThat(repTask).isNotNull();
    assertThat(forms.getTaskFormVariables(repTask.getId()).get("gateFeedback").toString()).contains("confirm the segment first").contains("manager1");
    assertThat(as("rep1").get("/api/opportunities/" + code + "/gate-records").json().findValuesAsText("verdict"))
        .doesNotContain("OVERRIDDEN");
  }

  @Test
  void shouldOfferTheApprovalOnlyToManagersOfTheOpportunitysOrgUnit() {
    String code = failedAtTarget();
    requestException(code);
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_TARGET_ApproveException").singleResult();
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getUserId).contains("manager1");
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId).doesNotContain("sales-manager");
  }

  @Test
  void shouldRefuseDecisionsFromTheWrongPeopleAndTwice() {
    String code = failedAtTarget();
    long id = requestException(code).path("id").asLong();
    assertThat(as("rep1").post("/api/exceptions/" + id + "/approve", "{\"reason\": \"self-service\"}").status()).isEqualTo(403);
    assertThat(as("expert1").post("/api/exceptions/" + id + "/approve", "{\"reason\": \"x\"}").status()).isEqualTo(403);
    assertThat(as("manager1").post("/api/exceptions/" + id + "/approve", "{}").status()).isEqualTo(400);
    assertThat(as("manager1").post("/api/exceptions/" + id + "/approve", "{\"reason\": \"ok\"}").status()).isEqualTo(200);
    assertThat(as("manager1").post("/api/exceptions/" + id + "/reject", "{\"reason\": \"changed my mind\"}").status()).isEqualTo(409);
    assertThat(as("manager1").post("/api/exceptions/999999/approve", "{\"reason\": \"ok\"}").status()).isEqualTo(404);
  }

  @Test
  void shouldRecordTheSignedInUserNotAVariableAsRequesterAndApprover() {
    String code = Opportunities.freshCode("SPOOF");
    as("rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    String repTask = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
    // Through Camunda REST, as Tasklist or any client could: a variable claims someone else asked. It is
    // not a field of the form, so the engine refuses it; the form's fields alone go through.
    assertThat(as("rep1").post("/engine-rest/task/" + repTask + "/complete",
        "{\"variables\": {\"requestedBy\": {\"value\": \"manager1\"}, \"stageAction\": {\"value\": \"ADVANCE\"}}}").status())
        .isEqualTo(400);
    assertThat(as("rep1").post("/engine-rest/task/" + repTask + "/complete",
        "{\"variables\": {\"stageAction\": {\"value\": \"ADVANCE\"}}}").status()).isEqualTo(204);
    assertThat(as("rep1").get("/api/opportunities/" + code + "/gate-records").json().get(0).path("requestedBy").asText())
        .isEqualTo("rep1");

    long id = requestException(code).path("id").asLong();
    String approval = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_TARGET_ApproveException")
        .singleResult().getId();
    assertThat(as("manager1").post("/engine-rest/task/" + approval + "/claim", "{\"userId\": \"manager1\"}").status()).isEqualTo(204);
    assertThat(as("manager1").post("/engine-rest/task/" + approval + "/complete", "{\"variables\": {"
        + "\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"fine\"},"
        + "\"requestedBy\": {\"value\": \"admin\"}}}").status()).isEqualTo(400);
    assertThat(as("manager1").post("/engine-rest/task/" + approval + "/complete", "{\"variables\": {"
        + "\"exceptionDecision\": {\"value\": \"APPROVE\"}, \"exceptionDecisionReason\": {\"value\": \"fine\"},"
        + "\"exceptionRequestedBy\": {\"value\": \"admin\"}}}").status()).isEqualTo(204);
    assertThat(as("rep1").get("/api/exceptions/" + id).json().path("decidedBy").asText()).isEqualTo("manager1");
  }

  @Test
  void shouldRefuseAnExceptionWithoutReasonOrWithoutAFailedGate() {
    String code = Opportunities.freshCode("NOFAIL");
    as("rep1").post("/api/opportunities", Opportunities.minimal(code).toString());
    assertThat(as("rep1").post("/api/opportunities/" + code + "/exceptions", "{\"reason\": \"please\"}").status()).isEqualTo(409);
    String failed = failedAtTarget();
    ApiClient.Response noReason = as("rep1").post("/api/opportunities/" + failed + "/exceptions", "{\"reason\": \" \"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().path("errors").findValuesAsText("field")).contains("exceptionReason");
    assertThat(as("rep2").post("/api/opportunities/" + failed + "/exceptions", "{\"reason\": \"x\"}").status()).isEqualTo(403);
  }
}
